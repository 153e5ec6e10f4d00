package checkout

import (
	"database/sql"
	"fmt"
	"os"

	"example.com/shop/pkg/config"
	"github.com/redis/go-redis/v9"
)

// getenv is the getenv idiom in the service itself.
func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func replicaDSN() string { return "postgres://checkout:s3cr3t@orders-db:5432/orders" }

func dsnFor(host string) string {
	return fmt.Sprintf("postgres://checkout:s3cr3t@%s:5432/orders", host)
}

// helpers opens databases whose DSNs come from functions that return them.
func helpers() {
	sql.Open("postgres", getenv("LEGACY_DSN", "postgres://checkout:s3cr3t@orders-db:5432/orders"))         // want `checkout opens orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from env LEGACY_DSN\)`
	sql.Open("postgres", config.Getenv("REPORTS_DSN", "postgres://checkout:s3cr3t@orders-db:5432/orders")) // want `checkout opens orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from env REPORTS_DSN\)`
	sql.Open("postgres", config.Getenv("ORDERS_DATABASE_URL", ""))                                         // want `checkout opens orders' database orders-db \(from env ORDERS_DATABASE_URL\)`
	redis.NewClient(&redis.Options{Addr: config.Getenv("CACHE_ADDR", "orders-redis:6379")})                // want `checkout opens orders' database orders-redis`
	sql.Open("postgres", replicaDSN())                                                                     // want `checkout opens orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
	sql.Open("postgres", dsnFor("orders-db"))                                                              // want `checkout opens orders' database orders-db`

	// A configuration struct filled in before use.
	var cache struct{ Addr, DSN string }
	cache.Addr = config.Getenv("CACHE_ADDR", "orders-redis:6379")
	redis.NewClient(&redis.Options{Addr: cache.Addr}) // want `checkout opens orders' database orders-redis`
	cache.DSN = os.Getenv("ORDERS_DATABASE_URL")
	sql.Open("postgres", cache.DSN) // want `checkout opens orders' database orders-db \(from env ORDERS_DATABASE_URL\)`

	// Clean: its own database through the same helpers, and a helper
	// whose default is unknown.
	sql.Open("postgres", config.Getenv("CHECKOUT_DSN", "postgres://checkout:s3cr3t@checkout-db:5432/checkout"))
	sql.Open("postgres", getenv("CHECKOUT_DSN", "postgres://checkout:s3cr3t@checkout-db:5432/checkout"))
	sql.Open("postgres", config.Getenv("OTHER_DSN", lookupHost()))
	sql.Open("postgres", dsnFor("checkout-db"))
}
