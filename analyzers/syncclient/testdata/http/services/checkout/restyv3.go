package checkout

import (
	"time"

	resty "resty.dev/v3"

	ordersclient "example.com/shop/services/orders/client"
)

// resty v3 (resty.dev/v3): the v2 calls under the new module path.
func restyV3Calls() {
	client := resty.New().SetBaseURL("http://orders:8080") // want `checkout calls orders synchronously \(http http://orders:8080\)`
	client.R().Get("/v1/orders")
	client.R().Query("/v1/orders/search")
	resty.New().R().Post("http://stock:8080/v1/reservations")                         // want `checkout calls stock synchronously \(http POST http://stock:8080/v1/reservations\)`
	resty.New().R().Execute(resty.MethodPatch, "http://stock:8080/v1/reservations/1") // want `checkout calls stock synchronously \(http PATCH http://stock:8080/v1/reservations/1\)`
	resty.New().R().Get("https://api.github.com/repos")
	resty.New().SetBaseURL("http://checkout:8080").R().Get("/healthz")
}

// v3's builder style: the URL set on the request is sent by Send, with the
// method set on it (not part of the message).
func restyV3Builder() {
	resty.New().R().SetMethod(resty.MethodDelete).SetURL("http://stock:8080/v1/reservations/1").Send() // want `checkout calls stock synchronously \(http http://stock:8080/v1/reservations/1\)`
	resty.New().R().SetURL("https://api.github.com/repos").SetMethod(resty.MethodGet).Send()
	client := resty.New().SetBaseURL("http://orders:8080") // want `checkout calls orders synchronously \(http http://orders:8080\)`
	client.R().SetMethod(resty.MethodGet).SetURL("/v1/orders").Send()
}

// v3's load balancers hold the base URLs that relative requests go to.
func restyV3LoadBalancers() {
	rr, _ := resty.NewRoundRobin("http://orders:8080", "https://api.github.com") // want `checkout calls orders synchronously \(http http://orders:8080\)`
	resty.New().SetLoadBalancer(rr).R().Get("/v1/orders")
	resty.NewWeightedRoundRobin(time.Minute,
		&resty.Host{BaseURL: "http://stock:8080", Weight: 3}, // want `checkout calls stock synchronously \(http http://stock:8080\)`
		&resty.Host{BaseURL: "https://api.github.com", Weight: 1},
	)
	resty.NewSRVWeightedRoundRobin("http", "tcp", "usersvc", "http") // want `checkout calls users synchronously \(dns-srv usersvc\)`
}

// orders' resty v3 SDK: as with v2, the client made on orders' base URL is
// the call; its requests, relative to that URL, are not further calls.
func restyV3SDK() {
	orders := ordersclient.NewV3("http://orders:8080") // want `checkout calls orders synchronously \(http http://orders:8080 via services/orders/client.NewV3\)`
	orders.GetOrder("42")
	orders.CancelOrder("42")
}
