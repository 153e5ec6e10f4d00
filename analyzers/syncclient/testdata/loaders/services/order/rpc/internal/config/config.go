package config

import "github.com/zeromicro/go-zero/zrpc"

// Config is goctl's, with the clients and the database a user adds.
type Config struct {
	zrpc.RpcServerConf
	UserRpc    zrpc.RpcClientConf
	ProductRpc zrpc.RpcClientConf
	Mysql      struct {
		DataSource string
	}
}
