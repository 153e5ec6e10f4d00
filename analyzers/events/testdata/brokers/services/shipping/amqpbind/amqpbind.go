// Package amqpbind binds a queue to the routing key orders publishes
// with, but on another exchange: no message of orders reaches it.
package amqpbind

import amqp "github.com/rabbitmq/amqp091-go"

func Bind(ch *amqp.Channel) error {
	return ch.QueueBind("shipping.audit", "orders.created", "audit", false, nil) // endpoint: shipping consume amqp audit/orders.created
}
