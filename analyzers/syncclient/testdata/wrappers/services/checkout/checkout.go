// Package checkout calls orders through every kind of wrapper.
package checkout

import (
	"context"
	"os"

	ordersclient "example.com/shop/api/orders/client"
	"example.com/shop/pkg/grpcconn"
	"example.com/shop/pkg/httpclient"
	"example.com/shop/pkg/rest"
)

func direct() {
	httpclient.Get("http://orders:8080/v1/orders")       // want `^checkout calls orders synchronously \(http GET http://orders:8080/v1/orders via pkg/httpclient.Get\): temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason \(and an expiry if it is meant to go\)$`
	httpclient.Post("http://orders:8080/v1/orders", nil) // want `checkout calls orders synchronously \(http POST http://orders:8080/v1/orders via pkg/httpclient.Post\)`
}

func chained(id string) {
	var out struct{}
	rest.FetchJSON(os.Getenv("ORDERS_URL")+"/v1/orders", &out) // want `checkout calls orders synchronously \(http GET \$ORDERS_URL/v1/orders via pkg/rest.FetchJSON -> pkg/httpclient.Get\)`
	rest.FetchOrder("http://orders:8080", "42", &out)          // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders/42 via pkg/rest.FetchOrder -> pkg/rest.FetchJSON -> pkg/httpclient.Get\)`
	rest.FetchOrder("http://orders:8080", id, &out)            // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders/\{id\} via pkg/rest.FetchOrder -> pkg/rest.FetchJSON -> pkg/httpclient.Get\)`
}

func sdk(ctx context.Context) {
	ordersclient.New()              // want `checkout calls orders synchronously \(grpc orders:9090 via api/orders/client.New\)`
	ordersclient.GetOrder(ctx, "1") // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders/1 via api/orders/client.GetOrder\)`
}

func dialer() {
	grpcconn.Dial("orders:9090") // want `checkout calls orders synchronously \(grpc orders:9090 via pkg/grpcconn.Dial\)`
}

// Clean: third-party APIs, and URLs nobody can attribute.
func clean(base string) { // want clean:`^url\(http GET\) \{param0:base\}/v1/orders via example.com/shop/pkg/httpclient.Get -> http.Client.Get$`
	httpclient.Get("https://api.stripe.com/v1/charges")
	httpclient.Get(base + "/v1/orders")
	rest.FetchJSON(os.Getenv("STRIPE_URL"), nil)
	grpcconn.Dial("localhost:9090")
}
