// Package checkout calls other services through package-level variables
// that its tests (client_test.go) point at a test server. The tests are not
// in the production binary: the calls are reported as if they were not there.
package checkout

import (
	"net/http"

	ordersapi "example.com/shop/api/orders"
)

var ordersURL = "http://orders:8080"

type config struct{ StockURL string }

var cfg = config{StockURL: "http://stock:8080"}

var paymentsBase = "http://payments:8080"

// paymentsURL returns a variable the tests override.
func paymentsURL() string { return paymentsBase }

// The test takes shippingURL's address.
var shippingURL = "http://shipping:8080"

func calls() {
	http.Get(ordersURL + "/v1/orders")                              // want `^checkout calls orders synchronously \(http GET http://orders:8080/v1/orders\)`
	http.Get(cfg.StockURL + "/v1/stock")                            // want `^checkout calls stock synchronously \(http GET http://stock:8080/v1/stock\)`
	http.Post(paymentsURL()+"/v1/charges", "application/json", nil) // want `^checkout calls payments synchronously \(http POST http://payments:8080/v1/charges\)`
	http.Get(shippingURL + "/v1/quotes")                            // want `^checkout calls shipping synchronously \(http GET http://shipping:8080/v1/quotes\)`
	ordersapi.GetOrder("1")                                         // want `^checkout calls orders synchronously \(http GET http://orders:8080/v1/orders/1 via api/orders.GetOrder\)`
}

// Requests built once and sent by Do are reported where they are sent,
// though the test builds ordersReq anew and sends stockReq itself.
var ordersReq, stockReq *http.Request

func init() {
	ordersReq, _ = http.NewRequest("GET", ordersURL+"/v1/orders/1", nil)
	stockReq, _ = http.NewRequest("HEAD", cfg.StockURL+"/healthz", nil)
}

func send() {
	http.DefaultClient.Do(ordersReq) // want `^checkout calls orders synchronously \(http GET http://orders:8080/v1/orders/1\)`
	http.DefaultClient.Do(stockReq)  // want `^checkout calls stock synchronously \(http HEAD http://stock:8080/healthz\)`
}

// ordersClient keeps its base URL in a field: its calls are reported where
// the field is set, for its methods only (the test adds one).
type ordersClient struct{ base string }

func newOrdersClient() *ordersClient {
	return &ordersClient{base: "http://orders:8080"} // want `^checkout calls orders synchronously \(http GET http://orders:8080/v1/orders via services/checkout.ordersClient.list\)`
}

func (c *ordersClient) list() { http.Get(c.base + "/v1/orders") }
