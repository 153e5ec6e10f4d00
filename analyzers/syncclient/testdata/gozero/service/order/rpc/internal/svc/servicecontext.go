package svc

import (
	"example.com/mall/service/order/rpc/internal/config"
	"example.com/mall/service/product/rpc/productclient"
	"example.com/mall/service/user/rpc/userclient"

	"github.com/zeromicro/go-zero/zrpc"
)

// ServiceContext as goctl users write it: each dependency's generated
// client, built on a zrpc client whose configuration comes from YAML. The
// client package says who is called: user's contract, product's code.
type ServiceContext struct {
	Config     config.Config
	UserRpc    userclient.User
	ProductRpc productclient.Product
}

func NewServiceContext(c config.Config) *ServiceContext {
	return &ServiceContext{
		Config:     c,
		UserRpc:    userclient.NewUser(zrpc.MustNewClient(c.UserRpc)),          // want `order calls user synchronously \(grpc user\.User via service/user/rpc/userclient\.NewUser -> github\.com/zeromicro/go-zero/zrpc\.MustNewClient\)`
		ProductRpc: productclient.NewProduct(zrpc.MustNewClient(c.ProductRpc)), // want `order calls product synchronously \(grpc product\.Product via service/product/rpc/productclient\.NewProduct -> github\.com/zeromicro/go-zero/zrpc\.MustNewClient\)`
	}
}
