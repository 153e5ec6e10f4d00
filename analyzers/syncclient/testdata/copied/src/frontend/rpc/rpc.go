// Package rpc dials the way kratos does: the target is an option of the
// dial (the map lists WithTarget as a sink), and the option call lies
// inside the dial whose connection feeds the stub.
package rpc

import (
	pb "example.com/copied/src/frontend/genproto"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// An Option configures Dial.
type Option func(*options)

type options struct{ target string }

// WithTarget names what Dial connects to.
func WithTarget(target string) Option { return func(o *options) { o.target = target } }

// Dial connects with the options given.
func Dial(opts ...Option) *grpc.ClientConn {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	conn, err := grpc.NewClient(o.target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	return conn
}

// Reviews builds the reviews stub on a connection to the name it is
// given: the stub is the call, and callers of Reviews are not reported
// again for the dial.
func Reviews(name string) pb.ReviewServiceClient {
	return pb.NewReviewServiceClient(Dial(WithTarget(name))) // want `frontend calls reviews synchronously \(grpc shop.reviews.v1.ReviewService via`
}
