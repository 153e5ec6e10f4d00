// Package invoke is the shop's shared helper around Dapr service invocation.
package invoke

import (
	"context"

	dapr "github.com/dapr/go-sdk/client"
)

// Get invokes method on the app with a GET.
func Get(ctx context.Context, c dapr.Client, appID, method string) ([]byte, error) { // want Get:`^discovery\(dapr invoke\) \{param2:appID\} via client.Client.InvokeMethod$`
	return c.InvokeMethod(ctx, appID, method, "get")
}
