// Command inventory reads its configuration with viper: unmarshalled into
// a struct, and key by key.
package main

import (
	"log"
	"net/http"

	"example.com/loaders/services/inventory/config"

	"github.com/spf13/viper"
)

func main() {
	cfg, err := config.Load("config/inventory.yaml")
	if err != nil {
		log.Fatal(err)
	}
	http.Get(cfg.Catalog.BaseURL + "/v1/items") // want `inventory calls catalog synchronously \(http GET \{config.Config.Catalog.BaseURL\}/v1/items, address from services/inventory/config/inventory.yaml:4\)`
	// An external API: no diagnostic.
	http.Get(cfg.Carrier.BaseURL + "/rates")
}

func byKey() {
	viper.AddConfigPath("config")
	viper.SetConfigName("inventory")
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
	http.Post(viper.GetString("payments.url")+"/v1/refunds", "application/json", nil) // want `inventory calls payments synchronously \(http POST \{payments.url\}/v1/refunds, address from services/inventory/config/inventory.yaml:8\)`
	// Its own URL: no diagnostic.
	http.Get(viper.GetString("inventory.public_url") + "/healthz")
}
