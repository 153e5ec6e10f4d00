// Package orders uses its own SDK: a call to itself is not coupling.
package orders

import (
	"context"

	ordersclient "example.com/shop/api/orders/client"
	"example.com/shop/pkg/httpclient"
)

func self(ctx context.Context) {
	ordersclient.New()
	ordersclient.GetOrder(ctx, "1")
	httpclient.Get("http://orders:8080/healthz")
}
