// Package http is a minimal stand-in for github.com/go-kratos/kratos/v2/transport/http.
package http

import "context"

type ClientOption func(o *clientOptions)

type clientOptions struct{ endpoint string }

type Client struct{}

// WithEndpoint sets the address or discovery name.
func WithEndpoint(endpoint string) ClientOption {
	return func(o *clientOptions) { o.endpoint = endpoint }
}

func NewClient(ctx context.Context, opts ...ClientOption) (*Client, error) { return &Client{}, nil }
