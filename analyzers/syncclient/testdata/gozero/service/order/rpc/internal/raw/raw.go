// Package raw builds a zrpc client without a generated client package: the
// configuration alone names the callee. (In a package that also builds
// productclient, this would be that client's connection, reported there.)
package raw

import "github.com/zeromicro/go-zero/zrpc"

func confOnly() zrpc.Client {
	return zrpc.MustNewClient(zrpc.RpcClientConf{Endpoints: []string{"product:8080"}}) // want `order calls product synchronously \(grpc product:8080\)`
}
