// Package store is the orders service's persistence: all of it its own.
package store

import (
	"database/sql"

	"example.com/shop/pkg/db"
	"github.com/redis/go-redis/v9"
)

func Open() {
	sql.Open("postgres", "postgres://orders:s3cr3t@orders-db:5432/orders")
	db.Open("postgres://orders:s3cr3t@orders-db:5432/orders")
	redis.NewClient(&redis.Options{Addr: "orders-redis:6379", Password: "s3cr3t"})

	// Undeclared databases, for the whole-repo aggregation.
	sql.Open("postgres", "postgres://orders:s3cr3t@legacy-db:5432/shop")
	sql.Open("postgres", "postgres://orders:s3cr3t@localhost:5432/app")
}
