// Package rpcclients is the repository's shared constructor of zrpc
// clients: each service passes the client configuration its YAML file
// holds, and the wrapper dials it and wraps the generated client.
package rpcclients

import (
	"example.com/mall/service/product/rpc/productclient"
	"example.com/mall/service/user/rpc/userclient"

	"github.com/zeromicro/go-zero/zrpc"
)

func NewUserRPC(conf zrpc.RpcClientConf) userclient.User { // want NewUserRPC:`^address\(grpc\) \{paramfield0:conf.Endpoints\} via zrpc.MustNewClient; address\(grpc\) \{paramfield0:conf.Etcd.Key\} via zrpc.MustNewClient; grpc-target\(grpc\) \{paramfield0:conf.Target\} via zrpc.MustNewClient$`
	cli := zrpc.MustNewClient(conf)
	return userclient.NewUser(cli)
}

func NewProductRPC(conf zrpc.RpcClientConf) productclient.Product { // want NewProductRPC:`^address\(grpc\) \{paramfield0:conf.Endpoints\} via zrpc.MustNewClient; address\(grpc\) \{paramfield0:conf.Etcd.Key\} via zrpc.MustNewClient; grpc-target\(grpc\) \{paramfield0:conf.Target\} via zrpc.MustNewClient$`
	return productclient.NewProduct(zrpc.MustNewClient(conf))
}
