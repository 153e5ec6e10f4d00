package svc

import (
	"example.com/mall/service/order/rpc/internal/config"
	"example.com/mall/service/order/rpc/orderclient"
	"example.com/mall/service/product/rpc/productclient"
	"example.com/mall/service/user/rpc/types/user"
	"example.com/mall/service/user/rpc/userclient"

	"github.com/zeromicro/go-zero/core/discov"
	"github.com/zeromicro/go-zero/zrpc"
)

// A configuration known from a struct literal names the target; the zrpc
// client and the generated client built on it are one call, reported once
// where the generated client is built.
func etcdKey() userclient.User {
	return userclient.NewUser(zrpc.MustNewClient(zrpc.RpcClientConf{ // want `order calls user synchronously \(grpc user\.rpc via service/user/rpc/userclient\.NewUser -> github\.com/zeromicro/go-zero/zrpc\.MustNewClient\)`
		Etcd: discov.EtcdConf{Hosts: []string{"etcd:2379"}, Key: "user.rpc"},
	}))
}

func endpoints() productclient.Product {
	conf := zrpc.RpcClientConf{Endpoints: []string{"product:8080"}}
	cli := zrpc.MustNewClient(conf)
	return productclient.NewProduct(cli) // want `order calls product synchronously \(grpc product:8080 via service/product/rpc/productclient\.NewProduct -> github\.com/zeromicro/go-zero/zrpc\.MustNewClient\)`
}

func target() (productclient.Product, error) {
	cli, err := zrpc.NewClientWithTarget("dns:///product:8080")
	if err != nil {
		return nil, err
	}
	return productclient.NewProduct(cli), nil // want `order calls product synchronously \(grpc dns:///product:8080 via service/product/rpc/productclient\.NewProduct -> github\.com/zeromicro/go-zero/zrpc\.NewClientWithTarget\)`
}

// A generated gRPC stub on the zrpc client's connection: the stub is the
// call, the configuration only its address.
func rawStub() user.UserClient {
	cli := zrpc.MustNewClient(zrpc.RpcClientConf{Target: "dns:///user:8080"})
	return user.NewUserClient(cli.Conn()) // want `order calls user synchronously \(grpc user\.User via service/user/rpc/types/user\.NewUserClient\)`
}

// Clean: a configuration nobody claims, and order's own client.
func clean(c config.Config) {
	zrpc.MustNewClient(c.SearchRpc)
	zrpc.MustNewClient(zrpc.RpcClientConf{Etcd: discov.EtcdConf{Key: "search.rpc"}})
	orderclient.NewOrder(zrpc.MustNewClient(c.OrderRpc))
}
