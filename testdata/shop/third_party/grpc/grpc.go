// Package grpc is a stand-in for google.golang.org/grpc: the same names and
// signatures as the real package for what the example uses, no network code.
package grpc

import (
	"context"
	"errors"

	"google.golang.org/grpc/credentials"
)

// SupportPackageIsVersion9 is referenced by generated code.
const SupportPackageIsVersion9 = true

// ClientConnInterface is what generated clients need from a connection.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

// ClientStream is a client-side stream.
type ClientStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
	CloseSend() error
}

// CallOption configures a call.
type CallOption interface{ before() }

type staticMethod struct{}

func (staticMethod) before() {}

// StaticMethod marks a call as using a method name known at compile time.
func StaticMethod() CallOption { return staticMethod{} }

// DialOption configures a ClientConn.
type DialOption interface{ apply() }

type dialOption struct{}

func (dialOption) apply() {}

// WithTransportCredentials sets the connection's transport credentials.
func WithTransportCredentials(credentials.TransportCredentials) DialOption { return dialOption{} }

// ClientConn is a virtual connection to a gRPC server.
type ClientConn struct{ target string }

// NewClient creates a ClientConn for target; it does not connect.
func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target: target}, nil
}

// Dial is the deprecated form of NewClient.
func Dial(target string, opts ...DialOption) (*ClientConn, error) { return NewClient(target, opts...) }

// DialContext is the deprecated form of NewClient.
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return NewClient(target, opts...)
}

var errStandIn = errors.New("grpc stand-in: no network")

// Invoke sends a unary RPC.
func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return errStandIn
}

// NewStream opens a stream.
func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, errStandIn
}

// Close closes the connection.
func (cc *ClientConn) Close() error { return nil }

// ServiceRegistrar registers services.
type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

// Server is a gRPC server.
type Server struct{ services []string }

// NewServer returns a server.
func NewServer() *Server { return &Server{} }

// RegisterService registers a service implementation.
func (s *Server) RegisterService(desc *ServiceDesc, impl any) {
	s.services = append(s.services, desc.ServiceName)
}

// UnaryServerInfo describes a unary call to interceptors.
type UnaryServerInfo struct {
	Server     any
	FullMethod string
}

// UnaryHandler is the handler an interceptor wraps.
type UnaryHandler func(ctx context.Context, req any) (any, error)

// UnaryServerInterceptor intercepts unary calls on the server.
type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

type methodHandler func(srv any, ctx context.Context, dec func(any) error, interceptor UnaryServerInterceptor) (any, error)

// MethodDesc describes a unary method.
type MethodDesc struct {
	MethodName string
	Handler    methodHandler
}

// StreamDesc describes a streaming method.
type StreamDesc struct {
	StreamName    string
	ServerStreams bool
	ClientStreams bool
}

// ServiceDesc describes a service.
type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}
