// Command search reads its JSON configuration with encoding/json.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

type Config struct {
	// A field of the root, read on a struct of this package: not bound today.
	PaymentsURL string `json:"payments_url"`
	Catalog     struct {
		Endpoint string `json:"base_url"`
	} `json:"catalog_service"`
	Self struct {
		Endpoint string `json:"endpoint"`
	} `json:"self"`
}

func main() {
	f, err := os.Open("config.json")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var cfg Config
	if err := json.NewDecoder(f).Decode(&cfg); err != nil {
		log.Fatal(err)
	}
	http.Get(cfg.Catalog.Endpoint + "/v1/items") // want `search calls catalog synchronously \(http GET \{main.Config.Catalog.Endpoint\}/v1/items, address from services/search/config.json:3\)`
	// KNOWN GAP: the struct is this package's, so the field is followed to
	// the literals that set it (none) and never to the config file.
	http.Get(cfg.PaymentsURL + "/v1/balance") // want `search makes a synchronous call \(http GET …/v1/balance\) that no service of the map claims \(field search.Config.PaymentsURL: set only by packages that import search`
	// Itself: no diagnostic.
	http.Get(cfg.Self.Endpoint + "/healthz")
}
