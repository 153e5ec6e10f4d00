// Package confluent produces and consumes with confluent-kafka-go.
package confluent

import (
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

func Run(p *kafka.Producer, c *kafka.Consumer) error {
	// Produce takes the topic as a *string: the address of a variable is
	// taken, and value resolution does not follow what a pointer may
	// change, so the topic stays unknown and there is no endpoint.
	topic := "notify.unknown"
	p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}}, nil)
	c.Subscribe("orders.created", nil)                          // endpoint: notify consume kafka orders.created
	return c.SubscribeTopics([]string{"payments.settled"}, nil) // endpoint: notify consume kafka payments.settled
}
