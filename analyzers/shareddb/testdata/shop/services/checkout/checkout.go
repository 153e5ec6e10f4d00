// Package checkout opens other services' databases in every way shareddb knows.
package checkout

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"

	ordersapi "example.com/shop/api/orders"
	"example.com/shop/pkg/db"
	"example.com/shop/pkg/dbx"
	"github.com/bradfitz/gomemcache/memcache"
	redisv8 "github.com/go-redis/redis/v8"
	gomysql "github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	mongov2 "go.mongodb.org/mongo-driver/v2/mongo"
	optionsv2 "go.mongodb.org/mongo-driver/v2/mongo/options"
	"gopkg.in/mgo.v2"
	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/driver/sqlserver"
	"gorm.io/gorm"
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

// families opens other services' databases through every sink family.
func families(ctx context.Context) {
	sqlx.Connect("mysql", "checkout:s3cr3t@tcp(orders-mysql:3306)/orders")            // want `orders' database orders-mysql \(\*\*\*@tcp\(orders-mysql:3306\)/orders, from literal\)`
	sqlx.MustOpen("postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders")     // want `orders' database orders-db`
	pgx.Connect(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")              // want `orders' database orders-db`
	pgx.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders")               // want `orders' database orders-db`
	pgxpool.New(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")              // want `orders' database orders-db`
	cfg, _ := pgxpool.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders") // want `orders' database orders-db`
	pgxpool.NewWithConfig(ctx, cfg)

	gorm.Open(postgres.Open("postgres://checkout:s3cr3t@orders-db:5432/orders"), &gorm.Config{})  // want `orders' database orders-db`
	gorm.Open(postgres.New(postgres.Config{DSN: "host=orders-db dbname=orders password=s3cr3t"})) // want `orders' database orders-db`
	gorm.Open(mysql.Open("checkout:s3cr3t@tcp(orders-mysql:3306)/orders?parseTime=true"))         // want `orders' database orders-mysql`
	gorm.Open(sqlserver.Open("sqlserver://sa:s3cr3t@catalog-sql:1433?database=catalog"))          // want `catalog's database catalog-sql \(sqlserver://\*\*\*@catalog-sql:1433\?database=catalog, from literal\)`
	gorm.Open(sqlite.Open("/data/catalog.db"))                                                    // want `catalog's database catalog-files`

	mc := gomysql.Config{User: "checkout", Passwd: "s3cr3t", Net: "tcp", Addr: "orders-mysql:3306", DBName: "orders"} // want `orders' database orders-mysql \(tcp\(orders-mysql:3306\)/orders, from literal\)`
	_ = mc.FormatDSN()
	gomysql.ParseDSN("checkout:s3cr3t@tcp(orders-mysql)/orders") // want `orders' database orders-mysql`

	mongo.Connect(ctx, options.Client().ApplyURI("mongodb://checkout:s3cr3t@catalog-mongo:27017/catalog")) // want `catalog's database catalog-mongo \(mongodb://\*\*\*@catalog-mongo:27017/catalog, from literal\)`
	mongov2.Connect(optionsv2.Client().ApplyURI("mongodb+srv://checkout:s3cr3t@catalog-mongo/catalog"))    // want `catalog's database catalog-mongo`
	mgo.Dial("catalog-mongo:27017")                                                                        // want `catalog's database catalog-mongo \(catalog-mongo:27017, from literal\)`

	redis.NewClient(&redis.Options{Addr: "orders-redis:6379", Password: "s3cr3t", DB: 0}) // want `orders' database orders-redis \(redis://orders-redis:6379/0, from literal\)`
	redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"orders-redis:6379"}})   // want `orders' database orders-redis`
	redis.ParseURL("redis://:s3cr3t@orders-redis:6379/0")                                 // want `orders' database orders-redis \(redis://\*\*\*@orders-redis:6379/0`
	redisv8.NewClient(&redisv8.Options{Addr: ordersRedis + ":6379"})                      // want `orders' database orders-redis`

	memcache.New("catalog-memcache:11211") // want `catalog's database catalog-memcache`
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
