// Package orders dials itself through kratos: not coupling.
package orders

import (
	"context"

	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
)

func self(ctx context.Context) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///orders"))
}
