// Package cloud publishes and receives with Cloud Pub/Sub, SQS and SNS.
package cloud

import (
	"context"

	"cloud.google.com/go/pubsub/v2"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

const queueURL = "https://sqs.eu-west-1.amazonaws.com/123456789012/notify-jobs"

func PubSub(ctx context.Context, c *pubsub.Client) {
	c.Publisher("notify-events").Publish(ctx, &pubsub.Message{Data: []byte("{}")})        // endpoint: notify publish pubsub notify-events
	c.Subscriber("orders-events").Receive(ctx, func(context.Context, *pubsub.Message) {}) // endpoint: notify consume pubsub orders-events
}

func AWS(ctx context.Context, q *sqs.Client, n *sns.Client) {
	q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageBody: aws.String("{}")})                        // endpoint: notify publish sqs https://sqs.eu-west-1.amazonaws.com/123456789012/notify-jobs
	q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})                                                 // endpoint: notify consume sqs https://sqs.eu-west-1.amazonaws.com/123456789012/notify-jobs
	n.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:eu-west-1:123456789012:notify"), Message: aws.String("{}")}) // endpoint: notify publish sns arn:aws:sns:eu-west-1:123456789012:notify
}
