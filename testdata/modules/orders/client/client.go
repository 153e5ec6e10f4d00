// Package client is the client SDK orders publishes for other services.
package client

import (
	"context"
	"net/http"

	"example.com/modules/common/httpclient"
)

// BaseURL is where orders answers inside the cluster.
const BaseURL = "http://orders:8080"

// GetOrder fetches one order.
func GetOrder(ctx context.Context, id string) (*http.Response, error) {
	return httpclient.Get(ctx, BaseURL+"/v1/orders/"+id)
}
