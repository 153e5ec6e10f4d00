// Command order is a go-zero zrpc service as goctl lays it out: the config
// file path is a flag, conf.MustLoad fills config.Config from it.
package main

import (
	"flag"

	"example.com/loaders/services/order/rpc/internal/config"
	"example.com/loaders/services/order/rpc/internal/svc"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
)

var configFile = flag.String("f", "etc/order.yaml", "the config file")

func main() {
	flag.Parse()

	var c config.Config
	conf.MustLoad(*configFile, &c)
	ctx := svc.NewServiceContext(c)

	s := zrpc.MustNewServer(c.RpcServerConf, func(grpcServer *grpc.Server) {
		_ = ctx
	})
	defer s.Stop()
	s.Start()
}
