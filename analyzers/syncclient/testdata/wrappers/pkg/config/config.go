// Package config is shared code: how every service reads its settings.
package config

import "os"

// Getenv returns the environment variable key, or def when it is unset.
func Getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// OrdersAddr is where orders' gRPC API listens unless ORDERS_GRPC says otherwise.
func OrdersAddr() string { return Getenv("ORDERS_GRPC", "orders:9090") }

// Settings are key/value pairs loaded from a file at start-up.
type Settings struct{ values map[string]string }

// Get returns the setting key: its callers name the key.
func (s *Settings) Get(key string) string { return s.values[key] }

// OrdersURL is where orders' HTTP API listens: a variable, not a constant,
// as many services keep their peers' addresses. No package writes it, so
// the services that read it know its value.
var OrdersURL = "http://orders:8080"

// OrdersStatsURL can be moved by the environment.
var OrdersStatsURL = Getenv("ORDERS_STATS_URL", "http://orders:8080/v1/stats")
