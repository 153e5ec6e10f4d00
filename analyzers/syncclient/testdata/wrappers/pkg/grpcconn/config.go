package grpcconn

import (
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Config says where a gRPC service listens.
type Config struct {
	Host string
	Port string
}

// DialConfig connects to the address in cfg: its summary names the fields.
func DialConfig(cfg Config) (*grpc.ClientConn, error) { // want DialConfig:`^grpc-target\(grpc\) \{paramfield0:cfg.Host\}:\{paramfield0:cfg.Port\} via grpc.NewClient$`
	return grpc.NewClient(net.JoinHostPort(cfg.Host, cfg.Port), grpc.WithTransportCredentials(insecure.NewCredentials()))
}
