package svc

import (
	"example.com/loaders/services/order/rpc/internal/config"

	"github.com/zeromicro/go-zero/core/discov"
	"github.com/zeromicro/go-zero/zrpc"
)

type ServiceContext struct {
	Config     config.Config
	UserRpc    zrpc.Client
	ProductRpc zrpc.Client
	Self       zrpc.Client
}

// NewServiceContext builds zrpc clients on the configured etcd key and
// endpoints: only etc/order.yaml says whom they call.
func NewServiceContext(c config.Config) *ServiceContext {
	return &ServiceContext{
		Config: c,
		UserRpc: zrpc.MustNewClient(zrpc.RpcClientConf{
			Etcd:     discov.EtcdConf{Hosts: c.UserRpc.Etcd.Hosts, Key: c.UserRpc.Etcd.Key}, // want `order calls user synchronously \(grpc \{config.Config.UserRpc.Etcd.Key\}, address from services/order/rpc/etc/order.yaml:13\)`
			NonBlock: true,
		}),
		ProductRpc: zrpc.MustNewClient(zrpc.RpcClientConf{ // want `order calls product synchronously \(grpc \{config.Config.ProductRpc.Endpoints\}, address from services/order/rpc/etc/order.yaml:16\)`
			Endpoints: c.ProductRpc.Endpoints,
			NonBlock:  true,
		}),
		// Its own key (RpcServerConf's Etcd, embedded): a call to itself.
		Self: zrpc.MustNewClient(zrpc.RpcClientConf{
			Etcd: discov.EtcdConf{Hosts: c.Etcd.Hosts, Key: c.Etcd.Key},
		}),
	}
}

// The usual shape: the whole client configuration from the file, whose
// Etcd.Key (its Endpoints and Target are absent there) says whom it calls.
func whole(c config.Config) zrpc.Client {
	return zrpc.MustNewClient(c.UserRpc) // want `order calls user synchronously \(grpc \{config.Config.UserRpc.Etcd.Key\}, address from services/order/rpc/etc/order.yaml:13\)`
}
