package checkout

import (
	"context"

	"github.com/acme/shopapi/searchv1"
	"github.com/go-kratos/kratos/v2/registry"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

// kratosDiscovery: kratos clients resolve discovery:///name through a
// registry; the map lists the name as a host, with or without the scheme.
func kratosDiscovery(ctx context.Context, r registry.Discovery) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///user"), kgrpc.WithDiscovery(r))   // want `checkout calls user synchronously \(grpc discovery:///user\)`
	kgrpc.Dial(ctx, kgrpc.WithEndpoint("discovery:///accounts"), kgrpc.WithDiscovery(r))       // want `checkout calls accounts synchronously \(grpc discovery:///accounts\)`
	khttp.NewClient(ctx, khttp.WithEndpoint("discovery:///user"), khttp.WithDiscovery(r))      // want `checkout calls user synchronously \(http discovery:///user\)`
	khttp.NewClient(ctx, khttp.WithEndpoint("http://accounts:8000"), khttp.WithDiscovery(nil)) // want `checkout calls accounts synchronously \(http http://accounts:8000\)`
}

// kratosStub: a kratos dial that feeds a generated stub is one call,
// reported at the stub, which names the service.
func kratosStub(ctx context.Context, r registry.Discovery) {
	conn, err := kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///search"), kgrpc.WithDiscovery(r))
	if err != nil {
		return
	}
	searchv1.NewSearchServiceClient(conn) // want `checkout calls search synchronously \(grpc shop.search.v1.SearchService via github.com/acme/shopapi/searchv1.NewSearchServiceClient\)`
}

// Clean: registry names the map does not know, and the service's own.
func kratosClean(ctx context.Context, r registry.Discovery) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///checkout"), kgrpc.WithDiscovery(r))
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///recommendations"), kgrpc.WithDiscovery(r))
}
