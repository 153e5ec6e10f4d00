// Package grpc is a minimal stand-in for github.com/go-kit/kit/transport/grpc.
package grpc

import (
	"context"

	"google.golang.org/grpc"
)

type EncodeRequestFunc func(context.Context, interface{}) (request interface{}, err error)

type DecodeResponseFunc func(context.Context, interface{}) (response interface{}, err error)

type ClientOption func(*Client)

type Client struct{ method string }

// NewClient constructs a client for a single remote gRPC method.
func NewClient(cc *grpc.ClientConn, serviceName string, method string, enc EncodeRequestFunc, dec DecodeResponseFunc, grpcReply interface{}, options ...ClientOption) *Client {
	return &Client{method: "/" + serviceName + "/" + method}
}
