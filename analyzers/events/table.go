package events

import (
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/sinks"
)

// Roles of an endpoint, as the sink labels carry them ("kafka/publish").
const (
	publish = "publish"
	consume = "consume"
)

// Brokers, as endpoints name them: the wire protocol where clients share
// it (kafka-go, sarama, confluent-kafka-go and go-zero's kq all speak
// Kafka, so their endpoints pair), else the library.
const (
	kafka       = "kafka"
	nats        = "nats"
	amqp        = "amqp"
	redisStream = "redis-stream"
	redisPubSub = "redis-pubsub"
	asynq       = "asynq"
	watermill   = "watermill"
	pubsub      = "pubsub"
	sqs         = "sqs"
	sns         = "sns"
	goMicro     = "go-micro"
	beanstalkd  = "beanstalkd"
	dapr        = "dapr"
)

// Sinks is the built-in table of publish and consume sinks. Every entry is
// of kind sinks.Topic; its label is "broker/role", read by labelOf.
//
// Not sinks on purpose: request/reply over a broker (nats' Conn.Request)
// is a synchronous call, not an event; declarations (amqp's QueueDeclare,
// ExchangeDeclare, JetStream's StreamConfig.Subjects) say that a topic
// exists, not who writes or reads it.
var Sinks = sinks.NewTable(builtin()...)

func builtin() []sinks.Entry {
	topic := sinks.Topic
	var entries []sinks.Entry
	call := func(pkg, fn string, arg int, broker, role string) {
		entries = append(entries, sinks.Call(pkg, fn, arg, topic, broker+"/"+role))
	}
	field := func(pkg, fn string, arg int, path, broker, role string) {
		entries = append(entries, sinks.CallField(pkg, fn, arg, path, topic, broker+"/"+role))
	}
	lit := func(pkg, typ, field, broker, role string) {
		entries = append(entries, sinks.Literal(pkg, typ, "{"+field+"}", topic, broker+"/"+role))
	}

	// segmentio/kafka-go: a Writer bound to one topic, or a topic per
	// Message; a Reader's topic (or a group's topics) in its config.
	const kafkaGo = "github.com/segmentio/kafka-go"
	lit(kafkaGo, "Writer", "Topic", kafka, publish)
	lit(kafkaGo, "Message", "Topic", kafka, publish)
	lit(kafkaGo, "ReaderConfig", "Topic", kafka, consume)
	lit(kafkaGo, "ReaderConfig", "GroupTopics", kafka, consume)

	// IBM/sarama (formerly Shopify/sarama): producers send ProducerMessage
	// literals; consumers are interfaces.
	for _, sarama := range []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"} {
		lit(sarama, "ProducerMessage", "Topic", kafka, publish)
		call(sarama, "Consumer.ConsumePartition", 0, kafka, consume)
		call(sarama, "ConsumerGroup.Consume", 1, kafka, consume)
	}

	// confluent-kafka-go: the topic of a produced message is a *string in
	// its TopicPartition.
	for _, confluent := range []string{"github.com/confluentinc/confluent-kafka-go/v2/kafka", "github.com/confluentinc/confluent-kafka-go/kafka"} {
		field(confluent, "Producer.Produce", 0, "TopicPartition.Topic", kafka, publish)
		call(confluent, "Consumer.Subscribe", 0, kafka, consume)
		call(confluent, "Consumer.SubscribeTopics", 0, kafka, consume)
	}

	// go-zero's Kafka queue (github.com/zeromicro/go-queue/kq): a pusher
	// per topic; a queue reads the Topic of its KqConf, which goctl's
	// projects load from a config file.
	const kq = "github.com/zeromicro/go-queue/kq"
	call(kq, "NewPusher", 1, kafka, publish)
	field(kq, "NewQueue", 0, "Topic", kafka, consume)
	field(kq, "MustNewQueue", 0, "Topic", kafka, consume)

	// go-zero's delay queue (github.com/zeromicro/go-queue/dq) on
	// beanstalkd: a producer puts jobs into the Tube of its nodes, a
	// consumer reads the Tube of the nodes of its DqConf.
	const dq = "github.com/zeromicro/go-queue/dq"
	field(dq, "NewProducer", 0, "Tube", beanstalkd, publish)
	field(dq, "NewConsumer", 0, "Beanstalks.Tube", beanstalkd, consume)

	// nats.go: core NATS on *Conn, JetStream through the JetStreamContext
	// interface (JetStream declares the methods) and the newer jetstream
	// package, whose consumers name their subjects in ConsumerConfig.
	const natsGo = "github.com/nats-io/nats.go"
	call(natsGo, "Conn.Publish", 0, nats, publish)
	field(natsGo, "Conn.PublishMsg", 0, "Subject", nats, publish)
	for _, m := range []string{"Subscribe", "SubscribeSync", "ChanSubscribe", "QueueSubscribe", "QueueSubscribeSync", "ChanQueueSubscribe", "QueueSubscribeSyncWithChan"} {
		call(natsGo, "Conn."+m, 0, nats, consume)
	}
	call(natsGo, "JetStream.Publish", 0, nats, publish)
	call(natsGo, "JetStream.PublishAsync", 0, nats, publish)
	field(natsGo, "JetStream.PublishMsg", 0, "Subject", nats, publish)
	for _, m := range []string{"Subscribe", "SubscribeSync", "ChanSubscribe", "QueueSubscribe", "QueueSubscribeSync", "ChanQueueSubscribe", "PullSubscribe"} {
		call(natsGo, "JetStream."+m, 0, nats, consume)
	}
	const jetstream = natsGo + "/jetstream"
	call(jetstream, "Publisher.Publish", 1, nats, publish)
	call(jetstream, "Publisher.PublishAsync", 0, nats, publish)
	lit(jetstream, "ConsumerConfig", "FilterSubject", nats, consume)
	lit(jetstream, "ConsumerConfig", "FilterSubjects", nats, consume)
	lit(jetstream, "OrderedConsumerConfig", "FilterSubjects", nats, consume)

	// AMQP 0-9-1 (rabbitmq/amqp091-go and its predecessor streadway/amqp):
	// a message is published to an exchange with a routing key, and a
	// queue is bound to an exchange with a routing key, so the topic is
	// "exchange/key": the same key on two exchanges is two topics. A
	// consumer reads a queue by name; the default exchange ("") routes a
	// key to the queue of that name, and endpoint drops its empty
	// exchange, so Publish("", "q") and Consume("q") meet.
	for _, amqpGo := range []string{"github.com/rabbitmq/amqp091-go", "github.com/streadway/amqp"} {
		qualified := func(fn string, exchange, key int, role string) {
			entries = append(entries, sinks.Call(amqpGo, fn, key, topic, amqp+"/"+role).WithQualifier(exchange))
		}
		qualified("Channel.Publish", 0, 1, publish)
		qualified("Channel.PublishWithContext", 1, 2, publish)
		qualified("Channel.PublishWithDeferredConfirm", 0, 1, publish)
		qualified("Channel.PublishWithDeferredConfirmWithContext", 1, 2, publish)
		qualified("Channel.QueueBind", 2, 1, consume)
		call(amqpGo, "Channel.Consume", 0, amqp, consume)
		call(amqpGo, "Channel.ConsumeWithContext", 1, amqp, consume)
	}

	// go-redis: streams (XAdd, XRead, XReadGroup: Streams lists the
	// streams and then their IDs, which endpoint drops) and pub/sub
	// channels, on the concrete clients and the Cmdable interfaces.
	for _, redis := range []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"} {
		lit(redis, "XAddArgs", "Stream", redisStream, publish)
		lit(redis, "XReadArgs", "Streams", redisStream, consume)
		lit(redis, "XReadGroupArgs", "Streams", redisStream, consume)
		for _, m := range []string{"Publish", "SPublish"} {
			call(redis, "cmdable."+m, 1, redisPubSub, publish)
		}
		for _, typ := range []string{"Client", "ClusterClient", "Ring", "UniversalClient"} {
			for _, m := range []string{"Subscribe", "PSubscribe", "SSubscribe"} {
				call(redis, typ+"."+m, 1, redisPubSub, consume)
			}
		}
	}
	call("github.com/redis/go-redis/v9", "PubSubCmdable.Publish", 1, redisPubSub, publish)
	call("github.com/redis/go-redis/v9", "PubSubCmdable.SPublish", 1, redisPubSub, publish)
	call("github.com/go-redis/redis/v8", "Cmdable.Publish", 1, redisPubSub, publish)

	// hibiken/asynq: a task's type name is what a client enqueues and what
	// a server's mux routes to a handler.
	const asynqGo = "github.com/hibiken/asynq"
	call(asynqGo, "NewTask", 0, asynq, publish)
	call(asynqGo, "ServeMux.HandleFunc", 0, asynq, consume)
	call(asynqGo, "ServeMux.Handle", 0, asynq, consume)

	// ThreeDotsLabs/watermill: the Publisher and Subscriber interfaces,
	// the router's handlers (subscribe topic, then publish topic), and the
	// in-process GoChannel.
	const message = "github.com/ThreeDotsLabs/watermill/message"
	call(message, "Publisher.Publish", 0, watermill, publish)
	call(message, "Subscriber.Subscribe", 1, watermill, consume)
	call(message, "Router.AddHandler", 1, watermill, consume)
	call(message, "Router.AddHandler", 3, watermill, publish)
	call(message, "Router.AddNoPublisherHandler", 1, watermill, consume)
	call(message, "Router.AddConsumerHandler", 1, watermill, consume)
	const gochannel = "github.com/ThreeDotsLabs/watermill/pubsub/gochannel"
	call(gochannel, "GoChannel.Publish", 0, watermill, publish)
	call(gochannel, "GoChannel.Subscribe", 1, watermill, consume)

	// Google Cloud Pub/Sub: v2 names publishers and subscribers, v1 topics
	// and subscriptions. A subscription has a name of its own, so it pairs
	// with a topic only when the two names agree.
	call("cloud.google.com/go/pubsub/v2", "Client.Publisher", 0, pubsub, publish)
	call("cloud.google.com/go/pubsub/v2", "Client.Subscriber", 0, pubsub, consume)
	call("cloud.google.com/go/pubsub", "Client.Topic", 0, pubsub, publish)
	call("cloud.google.com/go/pubsub", "Client.Subscription", 0, pubsub, consume)
	call("cloud.google.com/go/pubsub", "Client.TopicInProject", 0, pubsub, publish)
	call("cloud.google.com/go/pubsub", "Client.SubscriptionInProject", 0, pubsub, consume)

	// go-micro (v4 at go-micro.dev, v3 at asim/go-micro, v2 at
	// micro/go-micro; the same API): the broker's Publish and Subscribe,
	// on the Broker interface or the default broker, and the service
	// level on top of it: an event (publisher) or a client message names
	// the topic it publishes to, a subscriber the topic it consumes. Its
	// endpoints are "go-micro" whatever broker plugin carries them.
	for _, micro := range []string{"go-micro.dev/v4", "github.com/asim/go-micro/v3", "github.com/micro/go-micro/v2"} {
		call(micro+"/broker", "Broker.Publish", 0, goMicro, publish)
		call(micro+"/broker", "Publish", 0, goMicro, publish)
		call(micro+"/client", "Client.NewMessage", 0, goMicro, publish)
		call(micro+"/client", "NewMessage", 0, goMicro, publish)
		call(micro, "NewEvent", 0, goMicro, publish)
		call(micro+"/broker", "Broker.Subscribe", 0, goMicro, consume)
		call(micro+"/broker", "Subscribe", 0, goMicro, consume)
		call(micro+"/server", "Server.NewSubscriber", 0, goMicro, consume)
		call(micro+"/server", "NewSubscriber", 0, goMicro, consume)
		call(micro, "RegisterSubscriber", 0, goMicro, consume)
	}
	// v2 and v3 also name an event a publisher.
	call("github.com/asim/go-micro/v3", "NewPublisher", 0, goMicro, publish)
	call("github.com/micro/go-micro/v2", "NewPublisher", 0, goMicro, publish)

	// Dapr pub/sub (go-sdk): a client publishes to a topic of a pubsub
	// component, a service subscribes with a Subscription. Which broker
	// carries them is Dapr's configuration, so their endpoints are "dapr".
	const daprClient = "github.com/dapr/go-sdk/client"
	call(daprClient, "Client.PublishEvent", 2, dapr, publish)
	call(daprClient, "Client.PublishEvents", 2, dapr, publish)
	lit("github.com/dapr/go-sdk/service/common", "Subscription", "Topic", dapr, consume)

	// AWS (aws-sdk-go-v2): SQS queues by URL, SNS topics by ARN.
	const sqsGo = "github.com/aws/aws-sdk-go-v2/service/sqs"
	lit(sqsGo, "SendMessageInput", "QueueUrl", sqs, publish)
	lit(sqsGo, "SendMessageBatchInput", "QueueUrl", sqs, publish)
	lit(sqsGo, "ReceiveMessageInput", "QueueUrl", sqs, consume)
	lit("github.com/aws/aws-sdk-go-v2/service/sns", "PublishInput", "TopicArn", sns, publish)
	return entries
}

// labelOf splits a sink label into broker and role.
func labelOf(label string) (broker, role string) {
	broker, role, _ = strings.Cut(label, "/")
	return broker, role
}
