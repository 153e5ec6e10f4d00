// Package checkout calls orders and stock through Kitex clients.
package checkout

import (
	"example.com/shop/api/orders/kitex_gen/orders/orderservice"
	"example.com/shop/services/checkout/internal/kitex_gen/stock/stockservice"

	"github.com/cloudwego/kitex/client"
	consul "github.com/kitex-contrib/registry-consul"
	etcd "github.com/kitex-contrib/registry-etcd"
)

// The client generated in orders' contract calls orders, whatever it is
// told to dial.
func contract() (orderservice.Client, error) {
	orderservice.MustNewClient("shop.orders", client.WithHostPorts("orders:8888")) // want `checkout calls orders synchronously \(kitex orders:8888 via api/orders/kitex_gen/orders/orderservice\.MustNewClient\)`
	return orderservice.NewClient("orders-client")                                 // want `checkout calls orders synchronously \(kitex orders-client via api/orders/kitex_gen/orders/orderservice\.NewClient\)`
}

// checkout's own copy of stock's generated client: attributed by the
// addresses it dials.
func hostPorts() {
	stockservice.MustNewClient("stock-client", client.WithHostPorts("stock:8888")) // want `checkout calls stock synchronously \(kitex stock:8888 via services/checkout/internal/kitex_gen/stock/stockservice\.MustNewClient\)`

	opts := []client.Option{client.WithRPCTimeout(1e9)}
	opts = append(opts, client.WithHostPorts("stock:8888"))
	stockservice.MustNewClient("stock-client", opts...) // want `checkout calls stock synchronously \(kitex stock:8888 via services/checkout/internal/kitex_gen/stock/stockservice\.MustNewClient\)`
}

// With a registry, destService is the name the callee registered under.
func registries() error {
	byConsul, err := consul.NewConsulResolver("consul:8500")
	if err != nil {
		return err
	}
	stockservice.MustNewClient("shop.stock", client.WithResolver(byConsul)) // want `checkout calls stock synchronously \(kitex shop\.stock via services/checkout/internal/kitex_gen/stock/stockservice\.MustNewClient -> github\.com/kitex-contrib/registry-consul\.NewConsulResolver\)`

	byEtcd, err := etcd.NewEtcdResolver([]string{"etcd:2379"})
	if err != nil {
		return err
	}
	_, err = stockservice.NewClient("shop.stock", client.WithResolver(byEtcd)) // want `checkout calls stock synchronously \(kitex shop\.stock via services/checkout/internal/kitex_gen/stock/stockservice\.NewClient -> github\.com/kitex-contrib/registry-etcd\.NewEtcdResolver\)`
	return err
}

// Clean: a name no service registers, and an address nobody claims.
func clean() {
	r, _ := consul.NewConsulResolver("consul:8500")
	stockservice.MustNewClient("shop.search", client.WithResolver(r))
	stockservice.MustNewClient("stock-client", client.WithHostPorts("search:8888"))
}
