// Command review is a kratos service as kratos-layout lays it out.
package main

import (
	"flag"

	"example.com/loadersdb/services/review/internal/conf"
	"example.com/loadersdb/services/review/internal/data"

	"github.com/go-kratos/kratos/v2/config"
	"github.com/go-kratos/kratos/v2/config/file"
)

var flagconf string

func init() {
	flag.StringVar(&flagconf, "conf", "../../configs", "config path, eg: -conf config.yaml")
}

func main() {
	flag.Parse()
	c := config.New(config.WithSource(file.NewSource(flagconf)))
	defer c.Close()
	if err := c.Load(); err != nil {
		panic(err)
	}
	var bc conf.Bootstrap
	if err := c.Scan(&bc); err != nil {
		panic(err)
	}
	if _, _, err := data.NewData(bc.Data); err != nil {
		panic(err)
	}
}
