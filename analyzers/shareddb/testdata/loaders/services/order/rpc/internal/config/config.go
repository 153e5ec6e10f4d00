package config

import "github.com/zeromicro/go-zero/zrpc"

type Config struct {
	zrpc.RpcServerConf
	Mysql struct {
		DataSource string
	}
	// product's database, read for the catalogue.
	ProductMysql struct {
		DataSource string
	}
}
