// Package kafkago publishes and consumes with segmentio/kafka-go.
package kafkago

import (
	"context"
	"os"

	"github.com/segmentio/kafka-go"
)

const TopicCreated = "orders.created"

func Writers(ctx context.Context) {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: TopicCreated} // endpoint: orders publish kafka orders.created
	w.WriteMessages(ctx, kafka.Message{Value: []byte("{}")})

	// A writer without a topic names it per message; the broker address is not a topic.
	any := &kafka.Writer{Addr: kafka.TCP("kafka:9092")}
	any.WriteMessages(ctx,
		kafka.Message{Topic: "orders." + "cancelled"}, // endpoint: orders publish kafka orders.cancelled
		kafka.Message{Topic: "payments.settled"},      // endpoint: orders publish kafka payments.settled // want `orders publishes to topic payments.settled, which payments owns \(kafka\): it writes into another service's stream; publish your own event and let payments consume it, or allow it in couplingvet.yaml with a reason`
	)

	// A topic nothing resolves makes no endpoint.
	_ = &kafka.Writer{Topic: os.Getenv("UNSET_TOPIC")}
}

func Readers() {
	kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, GroupID: "orders", Topic: "payments.settled"})         // endpoint: orders consume kafka payments.settled
	kafka.NewReader(kafka.ReaderConfig{GroupID: "orders", GroupTopics: []string{"shipping.dispatched", "shipping.delivered"}}) // endpoint: orders consume kafka shipping.dispatched; orders consume kafka shipping.delivered
	// orders consumes its own topic: an endpoint, but no edge.
	kafka.NewReader(kafka.ReaderConfig{Topic: TopicCreated}) // endpoint: orders consume kafka orders.created
}
