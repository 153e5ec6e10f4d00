// Package checkout takes payment for a cart and places the order.
package checkout

import (
	"context"
	"net/http"

	"example.com/modules/common/endpoints"
	"example.com/modules/common/httpclient"
	"example.com/modules/orders/client"
)

// Place looks the order up twice: through the shared HTTP wrapper and
// through orders' client SDK, both in sibling modules.
func Place(ctx context.Context, id string) error {
	resp, err := httpclient.Get(ctx, "http://orders:8080/v1/orders/"+id)
	if err != nil {
		return err
	}
	resp.Body.Close()

	resp, err = client.GetOrder(ctx, id)
	if err != nil {
		return err
	}
	resp.Body.Close()

	// A third-party API: not a service of the map, never reported.
	resp, err = httpclient.Get(ctx, "https://api.stripe.com/v1/charges")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Status asks orders for an order's status, at the address the shared
// endpoints package gives.
func Status(id string) error {
	resp, err := http.Get(endpoints.Orders() + "/v1/orders/" + id + "/status")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
