package checkout

import (
	"os"

	"example.com/shop/pkg/db"
)

// dbConfigs opens databases through a shared wrapper that takes a
// configuration struct: the fields of the argument are the target.
func dbConfigs() {
	db.OpenConfig(db.Config{User: "checkout", Password: "s3cr3t", Host: "orders-db:5432", Name: "orders"}) // want `checkout opens orders' database orders-db \(postgres://orders-db:5432/orders, from literal, via pkg/db.OpenConfig -> sqlx.Open\)`
	db.OpenConfig(db.Config{Host: os.Getenv("ORDERS_DATABASE_URL")})                                       // want `checkout opens orders' database orders-db \(postgres://……, from env ORDERS_DATABASE_URL, via pkg/db.OpenConfig -> sqlx.Open\)`
	cfg := db.Config{Host: "orders-db:5432", Name: "orders", DisableTLS: true}
	db.OpenConfig(cfg) // want `checkout opens orders' database orders-db \(postgres://orders-db:5432/orders, from literal, via pkg/db.OpenConfig -> sqlx.Open\)`

	// Its own database: not reported.
	db.OpenConfig(db.Config{Host: "checkout-db:5432", Name: "checkout"})
}
