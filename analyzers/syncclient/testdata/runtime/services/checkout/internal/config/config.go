// Package config is the checkout service's configuration, filled from
// etc/checkout.yaml by its loader at start-up.
package config

type Config struct {
	Name   string
	Orders struct {
		Endpoint string
	}
	Shipping struct {
		Endpoint string
	}
	Billing struct {
		Endpoint string
	}
	Catalog struct {
		Endpoint string
	}
}
