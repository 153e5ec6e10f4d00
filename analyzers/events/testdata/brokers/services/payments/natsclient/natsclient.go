// Package natsclient publishes and subscribes with nats.go, core and JetStream.
package natsclient

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func Core(nc *nats.Conn) {
	nc.Publish("payments.settled", []byte("{}"))                             // endpoint: payments publish nats payments.settled
	nc.PublishMsg(&nats.Msg{Subject: "payments.failed", Data: []byte("{}")}) // endpoint: payments publish nats payments.failed
	nc.QueueSubscribe("orders.created", "payments", func(*nats.Msg) {})      // endpoint: payments consume nats orders.created
	nc.Subscribe("orders.>", func(*nats.Msg) {})                             // endpoint: payments consume nats orders.>
	// Request/reply is a synchronous call, not an event.
	nc.Request("orders.lookup", []byte("1"), time.Second)
}

func JetStream(nc *nats.Conn) error {
	js, err := nc.JetStream()
	if err != nil {
		return err
	}
	js.Publish("payments.refunded", []byte("{}"))    // endpoint: payments publish nats payments.refunded
	js.PullSubscribe("orders.cancelled", "payments") // endpoint: payments consume nats orders.cancelled
	return nil
}

func NewJetStream(ctx context.Context, js jetstream.JetStream, s jetstream.Stream) error {
	js.Publish(ctx, "payments.captured", []byte("{}"))                                                                   // endpoint: payments publish nats payments.captured
	_, err := s.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "payments", FilterSubject: "orders.paid"}) // endpoint: payments consume nats orders.paid
	return err
}
