package client

import (
	"fmt"
	"net/http"
)

// Lite is a client as small ones are often written: a positional literal
// keeps the base URL in its only field.
type Lite struct {
	baseURL string
}

func NewLite(baseURL string) Lite { // want NewLite:`^url\(http GET\) \{param0:baseURL\}/v1/orders/\{unknown:a parameter of method Order\} via example.com/shop/api/orders/client.Lite.Order -> http.Get$`
	return Lite{baseURL}
}

// Order fetches one order.
func (l Lite) Order(id string) (*http.Response, error) {
	return http.Get(fmt.Sprintf("%s/v1/orders/%s", l.baseURL, id))
}
