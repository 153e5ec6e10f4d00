// Package fielddecoder decodes a file over the configuration config.Load
// makes: the literal is only the default, so it does not read the facts.
package fielddecoder

import (
	"encoding/json"

	"example.com/valuetest/config"
)

func show(s string) {}

func reads(data []byte) {
	s := config.LoadServices()
	_ = json.Unmarshal(data, s)
	show(s.OrdersURL)   // want `^\{configfield:config.Services.OrdersURL\} origin=config field config.Services.OrdersURL$`
	show(s.Billing.URL) // want `^\{configfield:config.Services.Billing.URL\} origin=config field config.Services.Billing.URL$`
}
