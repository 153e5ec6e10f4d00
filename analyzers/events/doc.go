// Package events defines an Analyzer that finds where services publish to
// and consume from topics, and reports a service that publishes to a topic
// another service owns.
//
// # Analyzer events
//
// events: find event producers and consumers
//
// The fix couplingvet recommends for a synchronous call or a shared
// database is "consume the other service's events". events shows where
// that already happens: every place where a service publishes to, or
// consumes from, a topic (a Kafka topic, a NATS subject, an AMQP exchange
// and routing key or a queue, a Redis stream or channel, an asynq task
// type, a beanstalkd tube, a Pub/Sub
// topic, an SQS queue, an SNS topic, a go-micro topic). These endpoints are not violations:
// the standalone driver pairs them into event edges of the service graph,
//
//	orders --event orders.created--> shipping
//
// and lists endpoints and edges in its JSON output ("events",
// "event_edges"). A service that consumes its own topic makes no edge.
//
// # What counts as publishing and consuming
//
// The sinks are data (Sinks, a table of package, function or struct type,
// argument or field, broker and role):
//
//   - segmentio/kafka-go: kafka.Writer{Topic}, kafka.Message{Topic}
//     (publish); kafka.ReaderConfig{Topic} and {GroupTopics} (consume).
//   - IBM/sarama (and Shopify/sarama): sarama.ProducerMessage{Topic}
//     (publish); Consumer.ConsumePartition(topic, ...) and
//     ConsumerGroup.Consume(ctx, topics, ...) (consume).
//   - confluent-kafka-go (v1 and v2): Producer.Produce's message
//     TopicPartition.Topic (publish); Consumer.Subscribe and
//     SubscribeTopics (consume).
//   - go-zero's kq (github.com/zeromicro/go-queue/kq): kq.NewPusher(addrs,
//     topic) (publish); the Topic of the KqConf given to kq.NewQueue and
//     kq.MustNewQueue (consume), usually from the service's config file.
//   - go-zero's dq (github.com/zeromicro/go-queue/dq, on beanstalkd):
//     the Tube of the nodes given to dq.NewProducer (publish) and of the
//     Beanstalks of the DqConf given to dq.NewConsumer (consume), when the
//     nodes of a literal agree on it; a config file's list of nodes is
//     not looked through yet, so a DqConf loaded from one makes no
//     endpoint.
//   - nats.go: Conn.Publish and PublishMsg (publish); Conn.Subscribe,
//     SubscribeSync, ChanSubscribe and the Queue variants (consume);
//     JetStream's Publish, PublishAsync, PublishMsg (publish), Subscribe,
//     QueueSubscribe, PullSubscribe and the others (consume); the jetstream
//     package's Publisher.Publish and PublishAsync (publish) and
//     ConsumerConfig{FilterSubject} and {FilterSubjects} (consume).
//   - rabbitmq/amqp091-go (and streadway/amqp): Channel.Publish and its
//     WithContext and WithDeferredConfirm variants (publish) and
//     Channel.QueueBind (consume), by exchange and routing key: the topic
//     is "exchange/key", so the same key on two exchanges is two topics;
//     Channel.Consume by queue (consume). The default exchange ("") routes
//     a key to the queue of that name, so a publish to it has the bare key
//     as its topic and meets the queue's consumer. An exchange or a key
//     that cannot be resolved makes no endpoint.
//   - go-redis (v9 and v8): XAddArgs{Stream} (broker redis-stream, publish);
//     XReadArgs{Streams} and XReadGroupArgs{Streams} (consume; the IDs
//     after the stream names are dropped); Publish and SPublish (broker
//     redis-pubsub, publish); Subscribe, PSubscribe, SSubscribe (consume).
//   - hibiken/asynq: asynq.NewTask(typename, ...) (publish: a task is made
//     to be enqueued); ServeMux.HandleFunc and Handle (consume).
//   - ThreeDotsLabs/watermill: message.Publisher.Publish and
//     Subscriber.Subscribe (any implementation, through the interfaces),
//     Router.AddHandler (consume its subscribe topic, publish its publish
//     topic), AddNoPublisherHandler and AddConsumerHandler (consume), and
//     gochannel.GoChannel.
//   - cloud.google.com/go/pubsub: v2's Client.Publisher and Subscriber, v1's
//     Client.Topic and TopicInProject (publish), Subscription and
//     SubscriptionInProject (consume). A subscription has a name of its
//     own: it pairs with a topic only when the names agree. Creating a
//     topic or a subscription is a declaration, not an endpoint.
//   - go-micro (go-micro.dev/v4, asim/go-micro/v3, micro/go-micro/v2):
//     broker.Broker.Publish and broker.Publish (publish), Subscribe
//     (consume); micro.NewEvent (and v2's and v3's NewPublisher) and
//     Client.NewMessage (publish); micro.RegisterSubscriber and
//     Server.NewSubscriber (consume). Its endpoints are "go-micro" whatever
//     broker plugin carries them; a client's NewRequest and Call are
//     synchronous calls, not events.
//   - aws-sdk-go-v2: sqs.SendMessageInput{QueueUrl} and
//     SendMessageBatchInput{QueueUrl} (publish), ReceiveMessageInput{QueueUrl}
//     (consume); sns.PublishInput{TopicArn} (publish).
//   - Dapr pub/sub (github.com/dapr/go-sdk): Client.PublishEvent and
//     PublishEvents (publish), common.Subscription{Topic}, which
//     AddTopicEventHandler subscribes (consume). Its endpoints are "dapr"
//     whatever pubsub component carries them.
//
// Endpoints pair by broker and topic name. The broker is the wire protocol
// where clients share it: kafka-go, sarama, confluent-kafka-go and kq are
// all "kafka", so a kq pusher and a sarama consumer of one topic meet.
// watermill's endpoints are "watermill", go-micro's "go-micro" and Dapr's
// "dapr" whatever they run on.
//
// Not endpoints, on purpose: request/reply over a broker (nats'
// Conn.Request) is a synchronous call, not an event; declarations (AMQP's
// QueueDeclare and ExchangeDeclare, a JetStream stream's Subjects) say that
// a topic exists, not who writes or reads it.
//
// # Topic names
//
// Topics are resolved like every other value couplingvet reads (package
// value): constants, concatenations, fmt.Sprintf, struct literal fields,
// environment variables and config keys, with the values that the deploy
// files (docker-compose, Kubernetes) and the service's config files give
// them. A topic that cannot be resolved, or that the deploy and config
// files name differently, makes no endpoint: an edge is drawn only between
// names known on both sides, never guessed.
//
// Publishing and consuming through wrappers is followed across packages
// with object facts, as shareddb and syncclient follow database and client
// wrappers: a shared bus.Publish(ctx, topic, msg) that writes to a
// kafka.Writer makes its callers publishers of the topics they pass, with
// the chain of wrappers in Endpoint.Via. Shared and contract code is not
// an endpoint itself; its callers are. A wrapper that takes its topics as
// a slice (ConsumeTopic(ctx, topics []string) handing them to
// kafka.ReaderConfig's GroupTopics, or topics ...string) makes each
// element its caller passes an endpoint: the elements of a slice literal,
// of one a local variable is assigned once, or of the one a function of
// the caller's package returns (a server's topics() []string).
//
// A wrapper's struct field that a literal sets but that code also writes
// elsewhere (a functional option, p.exchange = name; a setter) is unknown:
// the literal's value is a default the options may replace, so it makes
// no endpoint rather than a wrong one. Options themselves are not followed.
//
// # Topic ownership
//
// A service may declare the topics it owns in the boundary map, * matching
// any run of characters:
//
//	services:
//	  payments:
//	    owns: [services/payments]
//	    topics: [payments.settled, "payments.*"]
//
// With the events check on (checks: {events: warn} or error; it is off by
// default), a service that publishes to a topic another service owns is
// reported: it writes into someone else's stream.
//
//	orders publishes to topic payments.settled, which payments owns (kafka): it writes
//	into another service's stream; publish your own event and let payments consume it,
//	or allow it in couplingvet.yaml with a reason
//
// Accept it with an allow rule (from: orders, to: payments, check: events,
// target: the topic) or a //couplingvet:allow events <reason> directive.
// Consuming another service's topic is never reported: that is what events
// are for.
package events
