// Package bus is shared code: a Kafka publisher for any topic, and an
// audit helper with a fixed topic. Its callers are the endpoints.
package bus

import (
	"context"

	"github.com/segmentio/kafka-go"
)

type Publisher struct{ w *kafka.Writer }

// NewPublisher returns a publisher to topic.
func NewPublisher(brokers []string, topic string) *Publisher { // want NewPublisher:`topic\(kafka/publish\) \{param1:topic\} via kafka.Writer\{Topic\}`
	return &Publisher{w: &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic}}
}

func (p *Publisher) Publish(ctx context.Context, payload []byte) error {
	return p.w.WriteMessages(ctx, kafka.Message{Value: payload})
}

// Audit writes to the audit trail, whoever calls it.
func Audit(ctx context.Context, w *kafka.Writer, payload []byte) error { // want Audit:`topic\(kafka/publish\) orders.audit via kafka.Message\{Topic\}`
	return w.WriteMessages(ctx, kafka.Message{Topic: "orders.audit", Value: payload})
}
