// Package amqpbus is shared code in the shape of many RabbitMQ wrappers: a
// publisher whose constructor sets a default exchange and routing key that
// functional options change afterwards, and a consumer of the queue its
// constructor is given.
package amqpbus

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
)

type Option func(*Publisher)

func ExchangeName(name string) Option {
	return func(p *Publisher) { p.exchangeName = name }
}

func BindingKey(key string) Option {
	return func(p *Publisher) { p.bindingKey = key }
}

type Publisher struct {
	exchangeName, bindingKey string
	ch                       *amqp.Channel
}

// NewPublisher publishes to the default exchange and key until Configure
// says otherwise: the defaults are not the topic its users publish to.
func NewPublisher(ch *amqp.Channel) *Publisher { // want NewPublisher:`topic\(amqp/publish\) \{unknown:field exchangeName is also written at amqpbus.go:16: the value a literal gives it may not be the one used\}/\{unknown:field bindingKey is also written at amqpbus.go:20: .*\} via example.com/brokers/pkg/amqpbus.Publisher.Publish -> amqp091.Channel.PublishWithContext`
	return &Publisher{ch: ch, exchangeName: "orders-exchange", bindingKey: "orders-routing-key"}
}

func (p *Publisher) Configure(opts ...Option) *Publisher {
	for _, opt := range opts {
		opt(p)
	}
	return p
}

func (p *Publisher) Publish(ctx context.Context, body []byte) error {
	return p.ch.PublishWithContext(ctx, p.exchangeName, p.bindingKey, false, false, amqp.Publishing{Body: body})
}

type Consumer struct {
	queue string
	ch    *amqp.Channel
}

func NewConsumer(ch *amqp.Channel, queue string) *Consumer { // want NewConsumer:`topic\(amqp/consume\) \{param1:queue\} via example.com/brokers/pkg/amqpbus.Consumer.Run -> amqp091.Channel.Consume`
	return &Consumer{queue: queue, ch: ch}
}

func (c *Consumer) Run() error {
	_, err := c.ch.Consume(c.queue, "", true, false, false, false, nil)
	return err
}
