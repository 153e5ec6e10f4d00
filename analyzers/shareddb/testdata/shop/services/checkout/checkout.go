// Package checkout opens other services' databases in every way shareddb knows.
package checkout

import (
	"database/sql"
	"flag"
	"fmt"
	"os"

	ordersapi "example.com/shop/api/orders"
	"example.com/shop/pkg/db"
	"example.com/shop/pkg/dbx"
)

const (
	ordersHost  = "orders-db"
	ordersRedis = "orders-redis"
)

var ordersDSN = flag.String("orders-dsn", "postgres://checkout:s3cr3t@orders-db:5432/orders", "orders database")

// valueForms opens orders-db with a DSN written in each form value resolution follows.
func valueForms(cfg map[string]string, user string) {
	sql.Open("postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders")                                                // want `checkout opens orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\): shared persistence couples checkout to orders' schema, load and outages — own your data: consume orders' events or call its API; or declare the sharing \(databases\[\]\.shared_with \+ an allow rule with a reason\) in couplingvet.yaml`
	sql.Open("postgres", "postgres://checkout:s3cr3t@"+ordersHost+":5432/orders")                                           // want `orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
	sql.Open("postgres", "host=orders-db port=5432 dbname=orders user=checkout password=s3cr3t")                            // want `orders-db \(host=orders-db port=5432 dbname=orders user=\*\*\* password=\*\*\*, from literal\)`
	sql.Open("postgres", os.Getenv("ORDERS_DATABASE_URL"))                                                                  // want `orders-db \(from env ORDERS_DATABASE_URL\)`
	sql.Open("postgres", fmt.Sprintf("postgres://%s:%s@%s:5432/orders", user, os.Getenv("ORDERS_DB_PASSWORD"), ordersHost)) // want `orders-db \(postgres://\*\*\*@orders-db:5432/orders, from parameter user, env ORDERS_DB_PASSWORD\)`
	sql.Open("postgres", *ordersDSN)                                                                                        // want `orders-db \(postgres://\*\*\*@orders-db:5432/orders, from flag -orders-dsn\)`
	sql.Open("postgres", cfg["OrdersDBAddress"])                                                                            // want `orders-db \(from config key OrdersDBAddress\)`
	local := "postgres://checkout:s3cr3t@orders-db/orders"
	sql.Open("postgres", local) // want `orders-db \(postgres://\*\*\*@orders-db/orders, from literal\)`
}

// wrappers reaches the sinks through functions in other packages.
func wrappers() {
	db.Open("postgres://checkout:s3cr3t@orders-db:5432/orders")            // want `orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal, via pkg/db.Open -> sql.Open\)`
	db.OpenDriver("mysql", "checkout:s3cr3t@tcp(orders-mysql)/orders")     // want `orders-mysql \(.*via pkg/db.OpenDriver -> sql.Open\)`
	db.Connect(ordersHost)                                                 // want `orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal, via pkg/db.Connect -> pkg/db.Open -> sql.Open\)`
	db.OrdersReplica()                                                     // want `orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal, via pkg/db.OrdersReplica -> sql.Open\)`
	ordersapi.NewStore()                                                   // want `orders-db \(from env ORDERS_DATABASE_URL, via api/orders.NewStore -> sql.Open\)`
	dbx.Dial("orders", "postgres://checkout:s3cr3t@orders-db:5432/orders") // want `orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
	openLocal("postgres://checkout:s3cr3t@orders-db:5432/orders")          // want `via services/checkout.openLocal -> sql.Open\)`
}

func openLocal(dsn string) { // want openLocal:`dsn\(postgres\) {param0:dsn} via sql.Open`
	sql.Open("postgres", dsn) // the call site above is reported, not this line
}
