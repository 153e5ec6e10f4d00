// Package zrpc is a minimal stand-in for github.com/zeromicro/go-zero/zrpc.
package zrpc

import (
	"github.com/zeromicro/go-zero/core/discov"
	"google.golang.org/grpc"
)

type RpcClientConf struct {
	Etcd      discov.EtcdConf
	Endpoints []string
	Target    string
	App       string
	Token     string
	NonBlock  bool
	Timeout   int64
}

type ClientOption func(*struct{})

type Client interface {
	Conn() *grpc.ClientConn
}

type client struct{}

func (client) Conn() *grpc.ClientConn { return nil }

func MustNewClient(c RpcClientConf, options ...ClientOption) Client { return client{} }

func NewClient(c RpcClientConf, options ...ClientOption) (Client, error) { return client{}, nil }

func NewClientWithTarget(target string, opts ...ClientOption) (Client, error) { return client{}, nil }
