package checkout

import (
	"context"
	"database/sql"
	"time"

	"github.com/bradfitz/gomemcache/memcache"
	globalsignmgo "github.com/globalsign/mgo"
	redisv8 "github.com/go-redis/redis/v8"
	gomysql "github.com/go-sql-driver/mysql"
	pgconnv4 "github.com/jackc/pgconn"
	pgxv4 "github.com/jackc/pgx/v4"
	pgxpoolv4 "github.com/jackc/pgx/v4/pgxpool"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	_ "github.com/mattn/go-sqlite3" // registers "sqlite3"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	mongov2 "go.mongodb.org/mongo-driver/v2/mongo"
	optionsv2 "go.mongodb.org/mongo-driver/v2/mongo/options"
	"gopkg.in/mgo.v2"
	"gorm.io/driver/clickhouse"
	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/driver/sqlserver"
	"gorm.io/gorm"
)

// The drivers below are the real modules, each used as its documentation
// shows, so that a signature the sink table gets wrong fails here.

// sqlDrivers opens other services' databases through database/sql, the
// engine named by the driver each import registers.
func sqlDrivers() {
	sql.Open("pgx", "postgres://checkout:s3cr3t@orders-db:5432/orders")               // want `orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
	sql.Open("mysql", "checkout:s3cr3t@tcp(orders-mysql:3306)/orders?parseTime=true") // want `orders' database orders-mysql`
	sql.Open("sqlite3", "/data/catalog.db")                                           // want `catalog's database catalog-files`
	sql.Open("postgres", "host=localhost user=checkout dbname=orders_local")          // want `orders' database orders-local`

	connector, _ := pq.NewConnector("postgres://checkout:s3cr3t@orders-db:5432/orders") // want `orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
	sql.OpenDB(connector)
	pq.ParseURL("postgres://checkout:s3cr3t@orders-db:5432/orders")                      // want `orders' database orders-db`
	pq.NewConfig("host=orders-db port=5432 dbname=orders user=checkout password=s3cr3t") // want `orders' database orders-db`
	pq.Open("postgres://checkout:s3cr3t@orders-db:5432/orders")                          // want `orders' database orders-db`

	// go-sql-driver/mysql's Config, formatted or handed to its connector.
	sql.Open("mysql", (&gomysql.Config{User: "checkout", Passwd: "s3cr3t", Net: "tcp", Addr: "orders-mysql:3306", DBName: "orders"}).FormatDSN()) // want `orders' database orders-mysql \(tcp\(orders-mysql:3306\)/orders, from literal\)`
	mc := gomysql.Config{User: "checkout", Passwd: "s3cr3t", Addr: "orders-mysql:3306", DBName: "orders"}                                         // want `orders' database orders-mysql`
	mysqlConnector, _ := gomysql.NewConnector(&mc)
	sql.OpenDB(mysqlConnector)
	gomysql.ParseDSN("checkout:s3cr3t@tcp(orders-mysql)/orders") // want `orders' database orders-mysql`
}

func sqlxFamily(ctx context.Context) {
	sqlx.Open("postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders")                // want `orders' database orders-db`
	sqlx.MustOpen("postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders")            // want `orders' database orders-db`
	sqlx.Connect("mysql", "checkout:s3cr3t@tcp(orders-mysql:3306)/orders")                   // want `orders' database orders-mysql \(\*\*\*@tcp\(orders-mysql:3306\)/orders, from literal\)`
	sqlx.MustConnect("pgx", "postgres://checkout:s3cr3t@orders-db:5432/orders")              // want `orders' database orders-db`
	sqlx.ConnectContext(ctx, "postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders") // want `orders' database orders-db`
}

func pgxV5(ctx context.Context) {
	pgx.Connect(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")                                           // want `orders' database orders-db`
	connCfg, _ := pgx.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders")                              // want `orders' database orders-db`
	pgx.ConnectConfig(ctx, connCfg)                                                                                // its config is reported where it is parsed
	pgx.ParseConfigWithOptions("postgres://checkout:s3cr3t@orders-db:5432/orders", pgx.ParseConfigOptions{})       // want `orders' database orders-db`
	pgxpool.New(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")                                           // want `orders' database orders-db`
	poolCfg, _ := pgxpool.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders?pool_max_conns=10")        // want `orders' database orders-db`
	pgxpool.NewWithConfig(ctx, poolCfg)                                                                            // its config is reported where it is parsed
	pgconn.Connect(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")                                        // want `orders' database orders-db`
	pgconn.ParseConfig("host=orders-db port=5432 dbname=orders user=checkout password=s3cr3t")                     // want `orders' database orders-db`
	pgconn.ParseConfigWithOptions("postgres://checkout:s3cr3t@orders-db:5432/orders", pgconn.ParseConfigOptions{}) // want `orders' database orders-db`
}

func pgxV4(ctx context.Context) {
	pgxv4.Connect(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")                                             // want `orders' database orders-db`
	pgxv4.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders")                                              // want `orders' database orders-db`
	pgxpoolv4.Connect(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")                                         // want `orders' database orders-db`
	poolCfg, _ := pgxpoolv4.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders")                            // want `orders' database orders-db`
	pgxpoolv4.ConnectConfig(ctx, poolCfg)                                                                              // its config is reported where it is parsed
	pgconnv4.Connect(ctx, "postgres://checkout:s3cr3t@orders-db:5432/orders")                                          // want `orders' database orders-db`
	pgconnv4.ParseConfig("postgres://checkout:s3cr3t@orders-db:5432/orders")                                           // want `orders' database orders-db`
	pgconnv4.ParseConfigWithOptions("postgres://checkout:s3cr3t@orders-db:5432/orders", pgconnv4.ParseConfigOptions{}) // want `orders' database orders-db`
}

func gormDrivers() {
	gorm.Open(postgres.Open("postgres://checkout:s3cr3t@orders-db:5432/orders"), &gorm.Config{})                 // want `orders' database orders-db`
	gorm.Open(postgres.New(postgres.Config{DSN: "host=orders-db dbname=orders password=s3cr3t"}))                // want `orders' database orders-db`
	gorm.Open(mysql.Open("checkout:s3cr3t@tcp(orders-mysql:3306)/orders?parseTime=true"))                        // want `orders' database orders-mysql`
	gorm.Open(mysql.New(mysql.Config{DSN: "checkout:s3cr3t@tcp(orders-mysql:3306)/orders"}))                     // want `orders' database orders-mysql`
	gorm.Open(sqlserver.Open("sqlserver://sa:s3cr3t@catalog-sql:1433?database=catalog"))                         // want `catalog's database catalog-sql \(sqlserver://\*\*\*@catalog-sql:1433\?database=catalog, from literal\)`
	gorm.Open(sqlserver.New(sqlserver.Config{DSN: "sqlserver://sa:s3cr3t@catalog-sql:1433?database=catalog"}))   // want `catalog's database catalog-sql`
	gorm.Open(sqlite.Open("/data/catalog.db"))                                                                   // want `catalog's database catalog-files`
	gorm.Open(sqlite.New(sqlite.Config{DSN: "/data/catalog.db"}))                                                // want `catalog's database catalog-files`
	gorm.Open(&sqlite.Dialector{DSN: "/data/catalog.db"})                                                        // want `catalog's database catalog-files`
	gorm.Open(clickhouse.Open("clickhouse://checkout:s3cr3t@catalog-events:9000/events"))                        // want `catalog's database catalog-events`
	gorm.Open(clickhouse.New(clickhouse.Config{DSN: "clickhouse://checkout:s3cr3t@catalog-events:9000/events"})) // want `catalog's database catalog-events`
}

func mongoDrivers(ctx context.Context) {
	mongo.Connect(ctx, options.Client().ApplyURI("mongodb://checkout:s3cr3t@catalog-mongo:27017/catalog")) // want `catalog's database catalog-mongo \(mongodb://\*\*\*@catalog-mongo:27017/catalog, from literal\)`
	mongov2.Connect(optionsv2.Client().ApplyURI("mongodb+srv://checkout:s3cr3t@catalog-mongo/catalog"))    // want `catalog's database catalog-mongo`

	mgo.Dial("catalog-mongo:27017")                                                              // want `catalog's database catalog-mongo \(catalog-mongo:27017, from literal\)`
	mgo.DialWithTimeout("mongodb://checkout:s3cr3t@catalog-mongo:27017/catalog", 5*time.Second)  // want `catalog's database catalog-mongo`
	mgo.ParseURL("mongodb://checkout:s3cr3t@catalog-mongo:27017/catalog")                        // want `catalog's database catalog-mongo`
	mgo.DialWithInfo(&mgo.DialInfo{Addrs: []string{"catalog-mongo:27017"}, Database: "catalog"}) // want `catalog's database catalog-mongo`
	globalsignmgo.Dial("mongodb://checkout:s3cr3t@catalog-mongo:27017/catalog")                  // want `catalog's database catalog-mongo`
	globalsignmgo.DialWithTimeout("catalog-mongo:27017", 5*time.Second)                          // want `catalog's database catalog-mongo`
	globalsignmgo.ParseURL("catalog-mongo:27017")                                                // want `catalog's database catalog-mongo`
	globalsignmgo.DialWithInfo(&globalsignmgo.DialInfo{Addrs: []string{"catalog-mongo:27017"}})  // want `catalog's database catalog-mongo`
}

func redisClients() {
	redis.NewClient(&redis.Options{Addr: "orders-redis:6379", Password: "s3cr3t", DB: 0})                                   // want `orders' database orders-redis \(redis://orders-redis:6379/0, from literal\)`
	redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"orders-redis:6379"}})                                     // want `orders' database orders-redis`
	redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"orders-redis:6379"}, DB: 1})                          // want `orders' database orders-redis`
	redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "orders", SentinelAddrs: []string{"orders-sentinel:26379"}}) // want `orders' database orders-redis`
	redis.ParseURL("redis://:s3cr3t@orders-redis:6379/0")                                                                   // want `orders' database orders-redis \(redis://\*\*\*@orders-redis:6379/0`
	redis.ParseClusterURL("redis://:s3cr3t@orders-redis:6379?addr=orders-redis-2:6379")                                     // want `orders' database orders-redis`
	redis.ParseFailoverURL("redis://:s3cr3t@orders-sentinel:26379/0?master_name=orders")                                    // want `orders' database orders-redis`

	redisv8.NewClient(&redisv8.Options{Addr: ordersRedis + ":6379"})                                      // want `orders' database orders-redis`
	redisv8.NewClusterClient(&redisv8.ClusterOptions{Addrs: []string{"orders-redis:6379"}})               // want `orders' database orders-redis`
	redisv8.NewUniversalClient(&redisv8.UniversalOptions{Addrs: []string{"orders-redis:6379"}})           // want `orders' database orders-redis`
	redisv8.NewFailoverClient(&redisv8.FailoverOptions{SentinelAddrs: []string{"orders-sentinel:26379"}}) // want `orders' database orders-redis`
	redisv8.ParseURL("redis://orders-redis:6379/0")                                                       // want `orders' database orders-redis`
}

func memcached() {
	memcache.New("catalog-memcache:11211")                                         // want `catalog's database catalog-memcache`
	memcache.New([]string{"checkout-memcache:11211", "catalog-memcache:11211"}...) // want `catalog's database catalog-memcache`
}
