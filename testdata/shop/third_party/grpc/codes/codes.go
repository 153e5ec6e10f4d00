// Package codes is a stand-in for google.golang.org/grpc/codes.
package codes

// Code is a gRPC status code.
type Code uint32

// Status codes the example uses.
const (
	OK            Code = 0
	NotFound      Code = 5
	Unimplemented Code = 12
)
