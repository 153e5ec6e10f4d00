// Package daprclient uses Dapr pub/sub through the go-sdk.
package daprclient

import (
	"context"

	dapr "github.com/dapr/go-sdk/client"
	"github.com/dapr/go-sdk/service/common"
)

func Publish(ctx context.Context, c dapr.Client) error {
	c.PublishEvents(ctx, "pubsub", "notify.batch", []any{1, 2})       // endpoint: notify publish dapr notify.batch
	return c.PublishEvent(ctx, "pubsub", "notify.sent", []byte("{}")) // endpoint: notify publish dapr notify.sent
}

func Subscribe(s common.Service, h common.TopicEventHandler) error {
	sub := &common.Subscription{PubsubName: "pubsub", Topic: "orders.created", Route: "/orders"} // endpoint: notify consume dapr orders.created
	return s.AddTopicEventHandler(sub, h)
}
