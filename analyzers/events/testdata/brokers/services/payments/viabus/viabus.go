// Package viabus publishes through the shared bus: the topic comes from
// the environment that docker-compose sets.
package viabus

import (
	"context"
	"os"
	"strings"

	"example.com/brokers/pkg/bus"
	"github.com/segmentio/kafka-go"
)

func Refund(ctx context.Context) error {
	p := bus.NewPublisher(strings.Split(os.Getenv("KAFKA_BROKERS"), ","), os.Getenv("REFUNDS_TOPIC")) // endpoint: payments publish kafka payments.refunds
	return p.Publish(ctx, []byte("{}"))
}

func Audit(ctx context.Context, w *kafka.Writer) error {
	return bus.Audit(ctx, w, nil) // endpoint: payments publish kafka orders.audit // want `payments publishes to topic orders.audit, which orders owns \(kafka, via pkg/bus.Audit -> kafka.Message\{Topic\}\)`
}
