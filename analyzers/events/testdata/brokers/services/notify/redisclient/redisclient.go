// Package redisclient uses go-redis streams and pub/sub.
package redisclient

import (
	"context"

	"github.com/redis/go-redis/v9"
)

func Streams(ctx context.Context, rdb *redis.Client, u redis.UniversalClient) {
	rdb.XAdd(ctx, &redis.XAddArgs{Stream: "notify.sent", Values: map[string]any{"id": 1}})                                // endpoint: notify publish redis-stream notify.sent
	rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "notify", Consumer: "n1", Streams: []string{"orders.created", ">"}}) // endpoint: notify consume redis-stream orders.created
	u.XRead(ctx, &redis.XReadArgs{Streams: []string{"payments.settled", "0"}})                                            // endpoint: notify consume redis-stream payments.settled
}

func PubSub(ctx context.Context, rdb *redis.Client, u redis.UniversalClient) {
	rdb.Publish(ctx, "notify.pubsub", "hello")             // endpoint: notify publish redis-pubsub notify.pubsub
	u.Publish(ctx, "notify.universal", "hello")            // endpoint: notify publish redis-pubsub notify.universal
	rdb.Subscribe(ctx, "orders.pubsub", "payments.pubsub") // endpoint: notify consume redis-pubsub orders.pubsub; notify consume redis-pubsub payments.pubsub
	u.PSubscribe(ctx, "orders.*")                          // endpoint: notify consume redis-pubsub orders.*
}
