package shipping

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// ordersCreated is the topic orders announces new orders on.
const ordersCreated = "orders.created"

// ConsumeOrders books a parcel for each new order: the way shipping should
// learn about orders, rather than calling orders or reading its tables.
func ConsumeOrders(ctx context.Context, book func(orderID string) error) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, GroupID: "shipping", Topic: ordersCreated})
	defer r.Close()
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if err := book(string(m.Key)); err != nil {
			return err
		}
	}
}
