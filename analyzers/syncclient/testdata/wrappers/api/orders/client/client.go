// Package client is the SDK orders publishes for other services: its
// constructor dials orders' default address, hard-coded.
package client

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

// DefaultAddr is where orders listens in every environment.
const DefaultAddr = "orders:9090"

// BaseURL is orders' HTTP API.
const BaseURL = "http://orders:8080"

type Client struct{ conn *grpc.ClientConn }

// New dials orders.
func New() (*Client, error) { // want New:`^grpc-target\(grpc\) orders:9090 via grpc.NewClient$`
	conn, err := grpc.NewClient(DefaultAddr)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

// GetOrder fetches one order over HTTP.
func GetOrder(ctx context.Context, id string) (*http.Response, error) { // want GetOrder:`^url\(GET\) http://orders:8080/v1/orders/\{param1:id\} via http.NewRequestWithContext$`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, BaseURL+"/v1/orders/"+id, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
