package main

import (
	"flag"

	"example.com/mall/service/payment/rpc/internal/config"
	"example.com/mall/service/payment/rpc/internal/svc"

	"github.com/zeromicro/go-zero/core/conf"
)

var configFile = flag.String("f", "etc/payment.yaml", "the config file")

// main hands the loaded configuration over whole: the calls stay where
// the service context picks its clients' blocks from it.
func main() {
	flag.Parse()

	var c config.Config
	conf.MustLoad(*configFile, &c)
	_ = svc.NewServiceContext(c)
}
