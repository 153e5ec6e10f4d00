// Package groupconsumer consumes through the shared kafkagroup wrapper,
// which takes its topics as a slice: each topic the slice holds is an
// endpoint.
package groupconsumer

import (
	"context"

	"example.com/brokers/pkg/kafkagroup"
)

const (
	topicCreated   = "orders.created"
	topicCancelled = "orders.cancelled"
)

type server struct{ group string }

func (s *server) consumerGroupTopics() []string {
	return []string{topicCreated, topicCancelled}
}

func (s *server) Run(ctx context.Context) {
	cg := kafkagroup.NewConsumerGroup([]string{"kafka:9092"}, s.group)
	go cg.ConsumeTopic(ctx, []string{"payments.settled", "payments.refunds"}, 4) // endpoint: shipping consume kafka payments.settled; shipping consume kafka payments.refunds
	go cg.ConsumeTopic(ctx, s.consumerGroupTopics(), 4)                          // endpoint: shipping consume kafka orders.created; shipping consume kafka orders.cancelled

	kafkagroup.Subscribe(s.group, "shipping.returns", "shipping.claims") // endpoint: shipping consume kafka shipping.returns; shipping consume kafka shipping.claims
	topics := []string{"orders.audit"}
	kafkagroup.Subscribe(s.group, topics...) // endpoint: shipping consume kafka orders.audit
}
