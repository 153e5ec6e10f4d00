// Package grpc is a minimal stand-in for github.com/go-kratos/kratos/v2/transport/grpc.
package grpc

import (
	"context"

	"google.golang.org/grpc"
)

type ClientOption func(o *clientOptions)

type clientOptions struct{ endpoint string }

// WithEndpoint sets the address or discovery name (discovery:///orders).
func WithEndpoint(endpoint string) ClientOption {
	return func(o *clientOptions) { o.endpoint = endpoint }
}

func Dial(ctx context.Context, opts ...ClientOption) (*grpc.ClientConn, error) { return nil, nil }

func DialInsecure(ctx context.Context, opts ...ClientOption) (*grpc.ClientConn, error) {
	return nil, nil
}
