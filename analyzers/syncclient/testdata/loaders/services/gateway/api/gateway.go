// Command gateway is a go-zero rest service as goctl lays it out.
package main

import (
	"flag"

	"example.com/loaders/services/gateway/api/internal/config"
	"example.com/loaders/services/gateway/api/internal/svc"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/rest"
)

var configFile = flag.String("f", "etc/gateway-api.yaml", "the config file")

func main() {
	flag.Parse()

	var c config.Config
	conf.MustLoad(*configFile, &c)

	server := rest.MustNewServer(c.RestConf)
	defer server.Stop()

	_ = svc.NewServiceContext(c)
	server.Start()
}
