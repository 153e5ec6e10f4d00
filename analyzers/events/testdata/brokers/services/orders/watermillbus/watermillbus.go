// Package watermillbus publishes and consumes through watermill's interfaces.
package watermillbus

import (
	"context"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/pubsub/gochannel"
)

func Run(ctx context.Context, pub message.Publisher, sub message.Subscriber, router *message.Router) error {
	if err := pub.Publish("orders.shipped", message.NewMessage("1", nil)); err != nil { // endpoint: orders publish watermill orders.shipped
		return err
	}
	if _, err := sub.Subscribe(ctx, "payments.completed"); err != nil { // endpoint: orders consume watermill payments.completed
		return err
	}
	router.AddHandler("confirm", "payments.completed", sub, "orders.confirmed", pub, func(*message.Message) ([]*message.Message, error) { return nil, nil }) // endpoint: orders consume watermill payments.completed; orders publish watermill orders.confirmed
	router.AddNoPublisherHandler("audit", "payments.audited", sub, func(*message.Message) error { return nil })                                              // endpoint: orders consume watermill payments.audited
	return nil
}

func InProcess(ctx context.Context, ch *gochannel.GoChannel) {
	ch.Publish("orders.local", message.NewMessage("1", nil)) // endpoint: orders publish watermill orders.local
	ch.Subscribe(ctx, "orders.local")                        // endpoint: orders consume watermill orders.local
}
