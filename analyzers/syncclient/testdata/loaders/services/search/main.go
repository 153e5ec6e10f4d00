// Command search reads its JSON configuration with encoding/json.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

type Config struct {
	// A field of the root, read on a struct of this package that only the
	// decoder fills: looked up in the config file.
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
	// The struct is this package's, but nothing here writes the field: the
	// decoder fills it from config.json.
	http.Get(cfg.PaymentsURL + "/v1/balance") // want `search calls payments synchronously \(http GET \{main.Config.PaymentsURL\}/v1/balance, address from services/search/config.json:2\)`
	// Itself: no diagnostic.
	http.Get(cfg.Self.Endpoint + "/healthz")
}
