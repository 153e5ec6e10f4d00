// Package grpc is a minimal stand-in for google.golang.org/grpc with the
// signatures couplingvet's fixtures use.
package grpc

import "context"

type DialOption interface{ apply() }

type CallOption interface{ before() }

type ClientConn struct{ target string }

func (cc *ClientConn) Close() error { return nil }

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

// ClientConnInterface is what generated stubs take.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

type ClientStream interface{ CloseSend() error }

type StreamDesc struct {
	StreamName    string
	ServerStreams bool
	ClientStreams bool
}

type MethodDesc struct {
	MethodName string
	Handler    any
}

type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

type TransportCredentials interface{ Info() string }

type dialOption struct{}

func (dialOption) apply() {}

func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{target}, nil }

func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}

func WithTransportCredentials(creds TransportCredentials) DialOption { return dialOption{} }

func WithInsecure() DialOption { return dialOption{} }

func WithBlock() DialOption { return dialOption{} }
