// Package config is the orders service's configuration, loaded from
// etc/orders.yaml as goctl lays it out.
package config

import (
	"github.com/zeromicro/go-queue/dq"
	"github.com/zeromicro/go-zero/rest"
)

type Config struct {
	rest.RestConf
	DqConf dq.DqConf
}
