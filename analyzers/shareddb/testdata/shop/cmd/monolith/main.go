// Command monolith runs orders inside one binary, a composition root no
// service owns: the DSN it sets in orders' options is orders opening that
// database.
package main

import "example.com/shop/services/orders/store"

func main() { // want main:`^dsn\(postgres\) postgres://\*\*\*@checkout-db:5432/checkout via .* in example.com/shop/services/orders/store; dsn\(postgres\) postgres://\*\*\*@orders-db:5432/orders via .*`
	store.Options{DSN: "postgres://orders:s3cr3t@checkout-db:5432/checkout"}.Connect() // want `^orders opens checkout's database checkout-db \(postgres://\*\*\*@checkout-db:5432/checkout, from literal, via services/orders/store.Options.Connect -> sql.Open -> DSN set by cmd/monolith\)`
	store.Options{DSN: "postgres://orders:s3cr3t@orders-db:5432/orders"}.Connect()     // its own database

	// Field by field: reported at the first field write.
	var opts store.Options
	opts.DSN = "postgres://orders:s3cr3t@checkout-db:5432/checkout" // want `^orders opens checkout's database checkout-db \(postgres://\*\*\*@checkout-db:5432/checkout, from literal, via services/orders/store.Options.Connect -> sql.Open -> DSN set by cmd/monolith\)`
	opts.Connect()

	own := store.Options{}
	own.DSN = "postgres://orders:s3cr3t@orders-db:5432/orders" // its own database
	own.Connect()
}
