// Package checkout calls orders and stock through go-zero, Kitex and kratos.
package checkout

import (
	"context"

	"example.com/shop/api/orders/kitex_gen/orderservice"
	"example.com/shop/services/checkout/internal/kitex_gen/stockservice"
	"github.com/cloudwego/kitex/client"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
	"github.com/zeromicro/go-zero/core/discov"
	"github.com/zeromicro/go-zero/zrpc"
)

func gozero() {
	zrpc.MustNewClient(zrpc.RpcClientConf{Endpoints: []string{"orders:8080"}}) // want `checkout calls orders synchronously \(grpc orders:8080\)`
	zrpc.MustNewClient(zrpc.RpcClientConf{
		Etcd: discov.EtcdConf{Hosts: []string{"etcd:2379"}, Key: "orders.rpc"}, // want `checkout calls orders synchronously \(grpc orders.rpc\)`
	})
	conf := zrpc.RpcClientConf{Target: "stock:8888"} // want `checkout calls stock synchronously \(grpc stock:8888\)`
	zrpc.NewClient(conf)
}

func kitex() {
	orderservice.NewClient("orders")                                          // want `checkout calls orders synchronously \(kitex orders via api/orders/kitex_gen/orderservice.NewClient\)`
	orderservice.MustNewClient("orders", client.WithHostPorts("orders:8080")) // want `checkout calls orders synchronously \(kitex orders:8080 via api/orders/kitex_gen/orderservice.MustNewClient\)`
}

// kitexByName: checkout's own copy of the generated client, attributed by
// the destination service name the map lists (discovery:///stock).
func kitexByName() {
	stockservice.NewClient("stock") // want `checkout calls stock synchronously \(kitex stock via services/checkout/internal/kitex_gen/stockservice.NewClient\)`
	stockservice.NewClient("search")
}

func kratos(ctx context.Context) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///orders")) // want `checkout calls orders synchronously \(grpc discovery:///orders\)`
	khttp.NewClient(ctx, khttp.WithEndpoint("stock:8000"))             // want `checkout calls stock synchronously \(http stock:8000\)`
}

// Clean: discovery names the map does not know.
func clean(ctx context.Context) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///search"))
	zrpc.MustNewClient(zrpc.RpcClientConf{Etcd: discov.EtcdConf{Key: "search.rpc"}})
}
