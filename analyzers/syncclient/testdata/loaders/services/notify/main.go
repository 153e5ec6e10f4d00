// Command notify reads its YAML configuration itself: os.ReadFile and
// yaml.v3's Unmarshal.
package main

import (
	"log"
	"net/http"
	"os"

	"gopkg.in/yaml.v3"
)

type Config struct {
	Gateway struct {
		URL string `yaml:"base_url"`
	} `yaml:"api_gateway"`
	Public struct {
		URL string `yaml:"url"`
	} `yaml:"public"`
}

func load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	if err := yaml.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

func main() {
	c, err := load("etc/notify.yaml")
	if err != nil {
		log.Fatal(err)
	}
	http.Get(c.Gateway.URL + "/api/orders") // want `notify calls gateway synchronously \(http GET \{main.Config.Gateway.URL\}/api/orders, address from services/notify/etc/notify.yaml:2\)`
	// Its own URL: no diagnostic.
	http.Get(c.Public.URL + "/healthz")
}
