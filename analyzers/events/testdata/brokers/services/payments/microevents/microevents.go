// Package microevents publishes and subscribes with go-micro: the broker
// directly, and the service-level events and subscribers on top of it.
package microevents

import (
	"context"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
)

const settled = "payments.settled"

func Broker(b broker.Broker) error {
	if err := b.Publish(settled, &broker.Message{Body: []byte("{}")}); err != nil { // endpoint: payments publish go-micro payments.settled
		return err
	}
	_, err := b.Subscribe("orders.created", func(broker.Event) error { return nil }) // endpoint: payments consume go-micro orders.created
	if err != nil {
		return err
	}
	// The default broker, through the package's functions.
	_, err = broker.Subscribe("orders.cancelled", func(broker.Event) error { return nil }) // endpoint: payments consume go-micro orders.cancelled
	return err
}

func Service(ctx context.Context, srv micro.Service) error {
	refunded := micro.NewEvent("payments.refunded", srv.Client()) // endpoint: payments publish go-micro payments.refunded
	if err := refunded.Publish(ctx, map[string]string{"id": "1"}); err != nil {
		return err
	}
	msg := srv.Client().NewMessage("payments.failed", map[string]string{"id": "2"}) // endpoint: payments publish go-micro payments.failed
	if err := srv.Client().Publish(ctx, msg); err != nil {
		return err
	}
	if err := micro.RegisterSubscriber("shipping.delivered", srv.Server(), func(context.Context, map[string]string) error { return nil }); err != nil { // endpoint: payments consume go-micro shipping.delivered
		return err
	}
	sub := srv.Server().NewSubscriber("orders.refund-requested", func(context.Context, map[string]string) error { return nil }) // endpoint: payments consume go-micro orders.refund-requested
	if err := srv.Server().Subscribe(sub); err != nil {
		return err
	}
	// A request to another service's handler is a synchronous call, not
	// an event; a handler has no topic.
	req := srv.Client().NewRequest("orders", "Orders.Get", map[string]string{"id": "1"})
	var rsp map[string]string
	if err := srv.Client().Call(ctx, req, &rsp); err != nil {
		return err
	}
	return micro.RegisterHandler(srv.Server(), new(Handler))
}

type Handler struct{}
