// Package dial makes raw connections, attributed by address: no stub of
// this package says what they call.
package dial

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func dials(ctx context.Context) {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	grpc.DialContext(ctx, "dns:///orders:9090", creds) // want `checkout calls orders synchronously \(grpc dns:///orders:9090\)`
	grpc.NewClient("payments:9090", creds)             // want `checkout calls payments synchronously \(grpc payments:9090\)`
}
