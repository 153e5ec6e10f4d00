// Package amqpclient publishes and consumes with rabbitmq/amqp091-go.
package amqpclient

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
)

func Run(ctx context.Context, ch *amqp.Channel) error {
	q, err := ch.QueueDeclare("notify.email", true, false, false, false, nil)
	if err != nil {
		return err
	}
	// The default exchange routes by queue name.
	ch.PublishWithContext(ctx, "", "notify.email", false, false, amqp.Publishing{Body: []byte("hi")}) // endpoint: notify publish amqp notify.email
	ch.Publish("events", "notify.sent", false, false, amqp.Publishing{})                              // endpoint: notify publish amqp events/notify.sent
	ch.QueueBind(q.Name, "orders.created", "events", false, nil)                                      // endpoint: notify consume amqp events/orders.created
	_, err = ch.Consume("notify.sms", "notify", true, false, false, false, nil)                       // endpoint: notify consume amqp notify.sms
	return err
}
