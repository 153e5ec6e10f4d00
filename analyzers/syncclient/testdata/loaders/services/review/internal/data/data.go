// Package data is kratos-layout's data layer: it gets conf.Data, the data
// section of the config file.
package data

import (
	"context"

	"example.com/loaders/services/review/internal/conf"

	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
	"google.golang.org/grpc"
)

type Data struct {
	catalog *grpc.ClientConn
	carrier *khttp.Client
}

func NewData(c *conf.Data) (*Data, func(), error) {
	conn, err := kgrpc.DialInsecure(context.Background(), kgrpc.WithEndpoint(c.CatalogService.Endpoint)) // want `review calls catalog synchronously \(grpc \{conf.Data.CatalogService.Endpoint\}, address from services/review/configs/config.yaml:17\)`
	if err != nil {
		return nil, nil, err
	}
	// An external API: no diagnostic.
	carrier, err := khttp.NewClient(context.Background(), khttp.WithEndpoint(c.Carrier.Endpoint))
	if err != nil {
		return nil, nil, err
	}
	return &Data{catalog: conn, carrier: carrier}, func() { conn.Close() }, nil
}
