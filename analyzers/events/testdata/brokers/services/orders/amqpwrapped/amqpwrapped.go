// Package amqpwrapped publishes and consumes through the shared amqpbus
// wrapper. The publisher's exchange and key are functional options, which
// are not followed: the constructor's defaults are not the topic, so the
// publisher makes no endpoint rather than a wrong one.
package amqpwrapped

import (
	"context"

	"example.com/brokers/pkg/amqpbus"
	amqp "github.com/rabbitmq/amqp091-go"
)

func Run(ctx context.Context, ch *amqp.Channel) error {
	pub := amqpbus.NewPublisher(ch).Configure(
		amqpbus.ExchangeName("kitchen-order-exchange"),
		amqpbus.BindingKey("kitchen-order-routing-key"),
	)
	if err := pub.Publish(ctx, []byte("{}")); err != nil {
		return err
	}
	return amqpbus.NewConsumer(ch, "orders.replies").Run() // endpoint: orders consume amqp orders.replies
}
