// Command shipping reads its configuration with koanf: a YAML file
// provider, unmarshalled into a struct by koanf tags.
package main

import (
	"log"
	"net/http"

	"github.com/knadh/koanf/parsers/yaml"
	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
)

var k = koanf.New(".")

type Config struct {
	Inventory struct {
		URL string `koanf:"base_url"`
	} `koanf:"inventory_service"`
	Carrier struct {
		URL string `koanf:"url"`
	} `koanf:"carrier"`
}

func main() {
	if err := k.Load(file.Provider("shipping.yaml"), yaml.Parser()); err != nil {
		log.Fatalf("error loading config: %v", err)
	}
	var cfg Config
	if err := k.Unmarshal("", &cfg); err != nil {
		log.Fatal(err)
	}
	http.Get(cfg.Inventory.URL + "/v1/stock") // want `shipping calls inventory synchronously \(http GET \{main.Config.Inventory.URL\}/v1/stock, address from services/shipping/shipping.yaml:2\)`
	// An external API: no diagnostic.
	http.Get(cfg.Carrier.URL + "/v1/labels")
	// Key by key.
	http.Post(k.String("payments.url")+"/v1/charges", "application/json", nil) // want `shipping calls payments synchronously \(http POST \{payments.url\}/v1/charges, address from services/shipping/shipping.yaml:6\)`
	http.Get(k.MustString("carrier.url") + "/v1/pickups")
}
