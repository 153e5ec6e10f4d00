package orders

import (
	"context"

	dapr "github.com/dapr/go-sdk/client"
)

func Price(ctx context.Context, c *dapr.GRPCClient, id string) ([]byte, error) {
	return c.InvokeMethodWithCustomContent(ctx, "products", "price/"+id, "get", "text/plain", id) // want `^orders calls products synchronously \(dapr invoke products\)`
}
