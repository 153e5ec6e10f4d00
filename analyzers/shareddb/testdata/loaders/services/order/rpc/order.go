// Command order is a go-zero zrpc service as goctl lays it out.
package main

import (
	"flag"

	"example.com/loadersdb/services/order/rpc/internal/config"
	"example.com/loadersdb/services/order/rpc/internal/svc"

	"github.com/zeromicro/go-zero/core/conf"
)

var configFile = flag.String("f", "etc/order.yaml", "the config file")

func main() {
	flag.Parse()
	var c config.Config
	conf.MustLoad(*configFile, &c)
	_ = svc.NewServiceContext(c)
}
