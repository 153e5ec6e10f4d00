package checkout

import (
	"context"
	"net/http"
	"os"

	"example.com/shop/pkg/baseclient"
)

// stockClient embeds the shared base client, as callers' own client types
// do: the construction is the call, its methods send relative to it.
type stockClient struct {
	*baseclient.Client
}

func newOrdersBase() *stockClient {
	base := os.Getenv("ORDERS_URL")
	return &stockClient{Client: baseclient.New(base)} // want `^checkout calls orders synchronously \(http GET \$ORDERS_URL… via pkg/baseclient.New -> pkg/baseclient.Client.Get\): temporal coupling`
}

func (c *stockClient) order(ctx context.Context, id string) error {
	resp, err := c.Get(ctx, "/v1/orders/"+id)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// stock builds its request itself, on the URL the base client joins.
func (c *stockClient) stock(ctx context.Context, sku string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.URL("v1/stock/"+sku), nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
