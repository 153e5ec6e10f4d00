package order

import (
	"database/sql"
	"fmt"
	"os"

	"example.com/runtimeshop/services/order/internal/config"
)

func Open(c config.Config) {
	sql.Open("postgres", os.Getenv("DB_URL"))
	sql.Open("mysql", c.Mysql.DataSource) // want `order opens product's database mall \(.*config field config.Config.Mysql.DataSource = services/order/etc/order.yaml:3`
}

// The DSN's template is in etc/order.yaml; the environment completes it,
// with MYSQL_HOST=mysql from docker-compose: product's database.
func OpenArchive(c config.Config) {
	dsn := fmt.Sprintf(c.Archive.DSN, os.Getenv("MYSQL_USER"), os.Getenv("MYSQL_PASSWORD"), os.Getenv("MYSQL_HOST"))
	sql.Open("mysql", dsn) // want `order opens product's database mall \(\*\*\*@tcp\(mysql:3306\)/mall\?parseTime=true, from env MYSQL_USER, env MYSQL_PASSWORD, env MYSQL_HOST = docker-compose.yml:9\)`
}
