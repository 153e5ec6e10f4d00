package order

import (
	"database/sql"
	"os"

	"example.com/runtimeshop/services/order/internal/config"
)

func Open(c config.Config) {
	sql.Open("postgres", os.Getenv("DB_URL"))
	sql.Open("mysql", c.Mysql.DataSource) // want `order opens product's database mall \(.*config field config.Config.Mysql.DataSource = services/order/etc/order.yaml:3`
}
