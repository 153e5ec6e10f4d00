// Package orders is the client SDK orders publishes: it calls orders at a
// default address, which its tests (orders_test.go) override.
package orders

import "net/http"

var baseURL = "http://orders:8080"

// GetOrder fetches one order. Its fact is the same with and without the
// package's tests.
func GetOrder(id string) (*http.Response, error) { // want GetOrder:`^url\(http GET\) http://orders:8080/v1/orders/\{param0:id\} via http.Get$`
	return http.Get(baseURL + "/v1/orders/" + id)
}
