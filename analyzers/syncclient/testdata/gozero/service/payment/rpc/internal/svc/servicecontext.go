package svc

import (
	"example.com/mall/pkg/rpcclients"
	"example.com/mall/service/payment/rpc/internal/config"
	"example.com/mall/service/product/rpc/productclient"
	"example.com/mall/service/user/rpc/userclient"
)

// ServiceContext built through the shared wrapper: the configuration's
// Endpoints, from etc/payment.yaml, say who is called, where the service
// hands its configuration over.
type ServiceContext struct {
	Config     config.Config
	UserRpc    userclient.User
	ProductRpc productclient.Product
}

func NewServiceContext(c config.Config) *ServiceContext {
	return &ServiceContext{
		Config:     c,
		UserRpc:    rpcclients.NewUserRPC(c.UserRpc),       // want `^payment calls user synchronously \(grpc \{config.Config.UserRpc.Endpoints\} via pkg/rpcclients.NewUserRPC, address from service/payment/rpc/etc/payment.yaml:5\)`
		ProductRpc: rpcclients.NewProductRPC(c.ProductRpc), // want `^payment calls product synchronously \(grpc \{config.Config.ProductRpc.Endpoints\} via pkg/rpcclients.NewProductRPC, address from service/payment/rpc/etc/payment.yaml:8\)`
	}
}
