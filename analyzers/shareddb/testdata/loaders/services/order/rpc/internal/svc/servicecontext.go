package svc

import (
	"example.com/loadersdb/services/order/rpc/internal/config"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

type ServiceContext struct {
	Config   config.Config
	Conn     sqlx.SqlConn
	Products sqlx.SqlConn
}

func NewServiceContext(c config.Config) *ServiceContext {
	return &ServiceContext{
		Config:   c,
		Conn:     sqlx.NewMysql(c.Mysql.DataSource),        // its own database: no diagnostic
		Products: sqlx.NewMysql(c.ProductMysql.DataSource), // want `order opens product's database products \(\*\*\*@tcp\(mysql:3306\)/products\?charset=utf8mb4&parseTime=true, from config field config.Config.ProductMysql.DataSource = services/order/rpc/etc/order.yaml:10\)`
	}
}
