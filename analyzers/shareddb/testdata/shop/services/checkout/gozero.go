package checkout

import (
	"github.com/zeromicro/go-zero/core/stores/postgres"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// goZero opens databases the way goctl's service contexts do.
func goZero() {
	sqlx.NewMysql("checkout:s3cr3t@tcp(orders-mysql:3306)/orders?parseTime=true")   // want `orders' database orders-mysql \(\*\*\*@tcp\(orders-mysql:3306\)/orders\?parseTime=true, from literal\)`
	sqlx.NewSqlConn("postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders") // want `orders' database orders-db`
	postgres.New("postgres://checkout:s3cr3t@orders-db:5432/orders")                // want `orders' database orders-db`
	sqlx.NewMysql("checkout:s3cr3t@tcp(checkout-mysql:3306)/checkout")              // its own database
}
