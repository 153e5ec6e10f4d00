package main

// The generated tree must build offline, so it carries a stand-in for
// google.golang.org/grpc under third_party/grpc (wired in with a replace
// directive). It declares what generated *_grpc.pb.go code and a typical
// main use, with the real names and signatures, and no transport.

const grpcGoMod = `module google.golang.org/grpc

go 1.26
`

const grpcStandIn = `// Package grpc is an offline stand-in for google.golang.org/grpc with the
// API that generated gRPC code and service mains use. It has no transport:
// calls fail with an error.
package grpc

import (
	"context"
	"errors"
	"sync"
)

// SupportPackageIsVersion9 is referenced by generated code to assert
// compatibility with this package.
const SupportPackageIsVersion9 = true

// ErrNoTransport is returned by every call: the stand-in never connects.
var ErrNoTransport = errors.New("grpc stand-in: no transport")

// A CallOption configures a call.
type CallOption interface{ callOption() }

// A DialOption configures a ClientConn.
type DialOption interface{ apply(*dialOptions) }

// A ServerOption configures a Server.
type ServerOption interface{ applyServer(*Server) }

type dialOptions struct {
	block     bool
	userAgent string
}

type funcDialOption func(*dialOptions)

func (f funcDialOption) apply(o *dialOptions) { f(o) }

// WithBlock makes dialing block until the connection is up.
func WithBlock() DialOption { return funcDialOption(func(o *dialOptions) { o.block = true }) }

// WithUserAgent sets the user agent of the connection.
func WithUserAgent(s string) DialOption {
	return funcDialOption(func(o *dialOptions) { o.userAgent = s })
}

// ClientConnInterface is what generated clients call.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

// ClientStream is the client side of a stream.
type ClientStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
	CloseSend() error
	Context() context.Context
}

// ServerStream is the server side of a stream.
type ServerStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
	Context() context.Context
}

// StreamHandler handles one server stream.
type StreamHandler func(srv any, stream ServerStream) error

// StreamDesc describes a streaming method.
type StreamDesc struct {
	StreamName    string
	Handler       StreamHandler
	ServerStreams bool
	ClientStreams bool
}

// MethodHandler handles one unary method.
type MethodHandler func(srv any, ctx context.Context, dec func(any) error, interceptor UnaryServerInterceptor) (any, error)

// MethodDesc describes a unary method.
type MethodDesc struct {
	MethodName string
	Handler    MethodHandler
}

// ServiceDesc describes a service for registration.
type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

// ServiceRegistrar registers services (a *Server is one).
type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

// UnaryServerInfo describes a unary call to interceptors.
type UnaryServerInfo struct {
	Server     any
	FullMethod string
}

// UnaryHandler is the handler an interceptor wraps.
type UnaryHandler func(ctx context.Context, req any) (any, error)

// UnaryServerInterceptor intercepts unary calls on the server.
type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (any, error)

// ClientConn is a (never connected) client connection.
type ClientConn struct {
	target string
	opts   dialOptions
}

// NewClient creates a client connection to target.
func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	if target == "" {
		return nil, errors.New("grpc stand-in: empty target")
	}
	cc := &ClientConn{target: target}
	for _, o := range opts {
		o.apply(&cc.opts)
	}
	return cc, nil
}

// Dial is the deprecated form of NewClient.
func Dial(target string, opts ...DialOption) (*ClientConn, error) { return NewClient(target, opts...) }

// DialContext is the deprecated form of NewClient with a context.
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return NewClient(target, opts...)
}

// Target returns the target the connection was created for.
func (cc *ClientConn) Target() string { return cc.target }

// Invoke fails: there is no transport.
func (cc *ClientConn) Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error {
	return ErrNoTransport
}

// NewStream fails: there is no transport.
func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, ErrNoTransport
}

// Close closes the connection.
func (cc *ClientConn) Close() error { return nil }

// Server holds registered services.
type Server struct {
	mu       sync.Mutex
	services map[string]any
}

// NewServer returns a server with no services.
func NewServer(opts ...ServerOption) *Server {
	s := &Server{services: make(map[string]any)}
	for _, o := range opts {
		o.applyServer(s)
	}
	return s
}

// RegisterService records impl under desc's service name.
func (s *Server) RegisterService(desc *ServiceDesc, impl any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.services[desc.ServiceName] = impl
}

// GracefulStop stops the server.
func (s *Server) GracefulStop() {}
`

const grpcCodes = `// Package codes is the stand-in for google.golang.org/grpc/codes.
package codes

// Code is a gRPC status code.
type Code uint32

// The codes generated code uses.
const (
	OK            Code = 0
	NotFound      Code = 5
	Unimplemented Code = 12
	Unavailable   Code = 14
)
`

const grpcStatus = `// Package status is the stand-in for google.golang.org/grpc/status.
package status

import (
	"fmt"

	"google.golang.org/grpc/codes"
)

// Error is an error with a gRPC code.
type Error struct {
	Code    codes.Code
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("rpc error: code = %d desc = %s", e.Code, e.Message) }

// Errorf returns an error with code c and a formatted message.
func Errorf(c codes.Code, format string, a ...any) error {
	return &Error{Code: c, Message: fmt.Sprintf(format, a...)}
}
`
