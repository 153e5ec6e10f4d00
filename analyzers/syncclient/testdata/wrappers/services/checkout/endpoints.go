package checkout

import (
	"os"

	ordersclient "example.com/shop/api/orders/client"
	"example.com/shop/pkg/grpcconn"
	"example.com/shop/pkg/rest"
)

// endpoints calls through shared wrappers that take the target as a
// struct: the fields of the argument are the address.
func endpoints() {
	grpcconn.DialConfig(grpcconn.Config{Host: "orders", Port: "9090"}) // want `checkout calls orders synchronously \(grpc orders:9090 via pkg/grpcconn.DialConfig\)`
	orders := rest.Endpoint{Scheme: "http"}
	orders.Host = "orders:8080"
	rest.Get(orders, "/v1/orders")                                            // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders via pkg/rest.Get -> pkg/httpclient.Get\)`
	rest.Get(rest.Endpoint{Scheme: "http", Host: "orders:8080"}, "v1/orders") // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders via pkg/rest.Get -> pkg/httpclient.Get\)`
	rest.Get(rest.Endpoint{"http", "orders:8080"}, "v1/orders")               // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders via pkg/rest.Get -> pkg/httpclient.Get\)`

	// Its own endpoint, and one whose host is not an orders address: not reported.
	rest.Get(rest.Endpoint{Scheme: "http", Host: "checkout:8080"}, "/v1/carts")
	rest.Get(rest.Endpoint{Scheme: "http", Host: os.Getenv("PAYMENTS_ADDR")}, "/v1/orders")
}

// restClient builds orders' client SDK, whose methods keep the base URL
// in a field and send their requests through a helper method.
func restClient() {
	ordersclient.NewLite(os.Getenv("ORDERS_URL")) // want `^checkout calls orders synchronously \(http GET \$ORDERS_URL/v1/orders/… via api/orders/client.NewLite -> api/orders/client.Lite.Order\)`
	ordersclient.NewREST("http://orders:8080")    // want `^checkout calls orders synchronously \(http DELETE http://orders:8080/v1/cancelled/… via api/orders/client.NewREST -> api/orders/client.REST.Delete -> api/orders/client.REST.do\)`
}
