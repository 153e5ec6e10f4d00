// Package amqppub publishes with rabbitmq/amqp091-go: to a named
// exchange, and to the default exchange, which routes by queue name.
package amqppub

import (
	"context"
	"os"

	amqp "github.com/rabbitmq/amqp091-go"
)

const eventsExchange = "events"

func Publish(ctx context.Context, ch *amqp.Channel) {
	ch.PublishWithContext(ctx, eventsExchange, "orders.created", false, false, amqp.Publishing{}) // endpoint: orders publish amqp events/orders.created
	ch.Publish("", "notify.sms", false, false, amqp.Publishing{})                                 // endpoint: orders publish amqp notify.sms

	// An exchange nothing resolves makes no endpoint, even with a known key.
	ch.Publish(os.Getenv("UNSET_EXCHANGE"), "orders.created", false, false, amqp.Publishing{})
}
