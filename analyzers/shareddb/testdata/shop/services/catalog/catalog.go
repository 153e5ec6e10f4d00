// Package catalog opens only its own databases.
package catalog

import (
	"context"

	"github.com/bradfitz/gomemcache/memcache"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func Open(ctx context.Context) {
	mongo.Connect(ctx, options.Client().ApplyURI("mongodb://catalog:s3cr3t@catalog-mongo:27017/catalog"))
	memcache.New("catalog-memcache:11211", "catalog-memcache-2:11211")
}
