package checkout

import (
	"database/sql"
	"fmt"
	"os"

	"github.com/redis/go-redis/v9"
)

func lookupHost() string { return os.Args[1] }

// clean holds connections shareddb must not report.
func clean(dsn string) { // want clean:`dsn\(postgres\) {param0:dsn} via sql.Open`
	// Its own database.
	sql.Open("postgres", "postgres://checkout:s3cr3t@checkout-db:5432/checkout")
	// Its own, by a key=value pattern: another service's pattern of the
	// same form names another database, not every one on localhost.
	sql.Open("postgres", "host=localhost port=5432 user=checkout password=s3cr3t dbname=checkout_local sslmode=disable")
	// A DSN built from parts that cannot be resolved.
	sql.Open("postgres", fmt.Sprintf("postgres://app:s3cr3t@%s:5432/orders", lookupHost()))
	sql.Open("postgres", dsn)
	// The same database name on another host is another database.
	sql.Open("postgres", "postgres://checkout:s3cr3t@reporting-db:5432/orders")
	// Another Redis.
	redis.NewClient(&redis.Options{Addr: "checkout-redis:6379"})
	// A message broker is not a database.
	sql.Open("amqp", "amqp://guest:s3cr3t@rabbit:5672/")
	// Shared with checkout and accepted by an allow rule naming the database.
	sql.Open("postgres", "postgres://checkout:s3cr3t@archive-db:5432/orders")
	// Accepted in the code.
	//couplingvet:allow shareddb the cut-over job reads orders until 2027
	sql.Open("postgres", "postgres://checkout:s3cr3t@orders-db:5432/orders")
	// Undeclared, also opened by orders: the standalone aggregation's business.
	sql.Open("postgres", "postgres://checkout:s3cr3t@legacy-db:5432/shop")
	sql.Open("postgres", "postgres://checkout:s3cr3t@localhost:5432/app")
}
