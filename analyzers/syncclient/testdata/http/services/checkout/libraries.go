package checkout

import (
	"context"
	"net/http"
	"net/url"

	"github.com/go-kit/kit/transport/grpc"
	httptransport "github.com/go-kit/kit/transport/http"
	"github.com/go-kit/kit/transport/http/jsonrpc"
	"github.com/go-resty/resty/v2"
	ggrpc "google.golang.org/grpc"

	ordersclient "example.com/shop/services/orders/client"
)

func restyCalls() {
	client := resty.New().SetBaseURL("http://orders:8080") // want `\(http http://orders:8080\)`
	client.R().Get("/v1/orders")
	resty.New().R().Post("http://stock:8080/v1/reservations") // want `checkout calls stock synchronously \(http POST http://stock:8080/v1/reservations\)`
	resty.New().R().Get("https://api.github.com/repos")
}

// orders' resty SDK: the client made on orders' base URL is the call; its
// requests, relative to that URL, are not further calls.
func restySDK() {
	orders := ordersclient.New("http://orders:8080") // want `checkout calls orders synchronously \(http http://orders:8080 via services/orders/client.New\)`
	orders.GetOrder("42")
	orders.CancelOrder("42")
}

func gokit() {
	u, _ := url.Parse("http://orders:8080/v1/orders")
	httptransport.NewClient("GET", u, encode, decode) // want `\(http GET http://orders:8080/v1/orders\)`

	conn, _ := ggrpc.NewClient("stock:9090")
	grpc.NewClient(conn, "shop.orders.v1.OrderService", "GetOrder", nil, nil, nil)      // want `checkout calls orders synchronously \(grpc /shop.orders.v1.OrderService/GetOrder\)`
	grpc.NewClient(conn, "shop.payments.v1.PaymentService", "Authorize", nil, nil, nil) // allowed edge: checkout -> payments
	grpc.NewClient(conn, "shop.orders.v1.OrderService", "ListOrders", nil, nil, nil)    // allowed method of an otherwise reported service
}

// gokitJSONRPC: go-kit's JSON-RPC client takes the URL first and the
// RPC's method second.
func gokitJSONRPC() {
	u, _ := url.Parse("http://orders:8080/rpc")
	jsonrpc.NewClient(u, "orders.get") // want `checkout calls orders synchronously \(http POST http://orders:8080/rpc\)`
	api, _ := url.Parse("https://rpc.example.com/")
	jsonrpc.NewClient(api, "eth_blockNumber")
}

func encode(context.Context, *http.Request, interface{}) error { return nil }

func decode(context.Context, *http.Response) (interface{}, error) { return nil, nil }
