// Package pubsubv1 publishes and receives with version 1 of the Cloud
// Pub/Sub client, whose handles are topics and subscriptions.
package pubsubv1

import (
	"context"

	"cloud.google.com/go/pubsub"
)

const receipts = "notify-receipts"

func Publish(ctx context.Context, c *pubsub.Client) {
	c.Topic(receipts).Publish(ctx, &pubsub.Message{Data: []byte("{}")})                         // endpoint: notify publish pubsub notify-receipts
	c.TopicInProject("orders-audit", "shared-project").Publish(ctx, &pubsub.Message{Data: nil}) // endpoint: notify publish pubsub orders-audit
}

func Receive(ctx context.Context, c *pubsub.Client) error {
	return c.Subscription("payments-settled").Receive(ctx, func(context.Context, *pubsub.Message) {}) // endpoint: notify consume pubsub payments-settled
}

// Declarations say that a topic or a subscription exists, not who
// publishes to it or receives from it.
func Declare(ctx context.Context, c *pubsub.Client) error {
	t, err := c.CreateTopic(ctx, "notify-declared")
	if err != nil {
		return err
	}
	_, err = c.CreateSubscription(ctx, "notify-declared-sub", pubsub.SubscriptionConfig{Topic: t})
	return err
}
