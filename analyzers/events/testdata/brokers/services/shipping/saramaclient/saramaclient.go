// Package saramaclient produces and consumes with IBM/sarama.
package saramaclient

import (
	"context"

	"github.com/IBM/sarama"
)

const dispatched = "shipping.dispatched"

func Produce(p sarama.SyncProducer, orderID string) error {
	_, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: dispatched, Value: sarama.StringEncoder(orderID)}) // endpoint: shipping publish kafka shipping.dispatched
	return err
}

func Consume(ctx context.Context, c sarama.Consumer, g sarama.ConsumerGroup, h sarama.ConsumerGroupHandler) error {
	if _, err := c.ConsumePartition("orders.created", 0, sarama.OffsetNewest); err != nil { // endpoint: shipping consume kafka orders.created
		return err
	}
	return g.Consume(ctx, []string{"orders.cancelled", "payments.settled"}, h) // endpoint: shipping consume kafka orders.cancelled; shipping consume kafka payments.settled
}
