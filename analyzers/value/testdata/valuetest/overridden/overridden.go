// Package overridden is production code whose tests override what it
// reads. Its production files resolve as if the tests were not there: the
// tests are not compiled into the binary.
package overridden

import "os"

func show(s string) {}

var ordersURL = "http://orders:8080"

type config struct {
	StockURL string
	Redis    struct{ Addr string }
}

var cfg = config{StockURL: "http://stock:8080"}

func init() {
	cfg.Redis.Addr = os.Getenv("REDIS_ADDR")
}

// peer is set by a test, through a pointer (setPeer).
var peer = "payments:9090"

// cache has a method with a pointer receiver, which a test calls.
var cache = config{StockURL: "http://stock-cache:8080"}

func (c *config) reset() { c.StockURL = "" }

// paymentsURL is a helper of production code that returns a variable the
// tests override.
func paymentsURL() string { return peerURL }

var peerURL = "http://" + peer

func production() {
	show(ordersURL + "/v1/orders") // want `^http://orders:8080/v1/orders origin=literal$`
	show(cfg.StockURL)             // want `^http://stock:8080 origin=literal$`
	show(cfg.Redis.Addr)           // want `^\{env:REDIS_ADDR\} origin=env REDIS_ADDR$`
	show(peer)                     // want `^payments:9090 origin=literal$`
	show(cache.StockURL)           // want `^http://stock-cache:8080 origin=literal$`
	show(paymentsURL())            // want `^http://payments:9090 origin=literal$`
}
