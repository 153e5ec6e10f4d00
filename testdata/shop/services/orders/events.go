package orders

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// TopicOrderCreated is the topic of the event orders publishes once per
// order, after it is stored. Only orders publishes to it (topics: in
// couplingvet.yaml).
const TopicOrderCreated = "orders.created"

// publisher announces new orders: the asynchronous edge to shipping that
// couplingvet draws in the service graph (not a violation).
var publisher = &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: TopicOrderCreated}

// AnnounceCreated publishes the orders.created event of an order.
func AnnounceCreated(ctx context.Context, orderID string) error {
	return publisher.WriteMessages(ctx, kafka.Message{Key: []byte(orderID), Value: []byte(`{"id":"` + orderID + `"}`)})
}
