// Package delayqueue schedules and consumes delayed jobs with go-zero's dq
// (beanstalkd tubes), the tubes from its config file or in the code.
package delayqueue

import (
	"flag"
	"time"

	"example.com/brokers/services/orders/delayqueue/internal/config"
	"github.com/zeromicro/go-queue/dq"
	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/core/stores/redis"
)

var configFile = flag.String("f", "etc/orders.yaml", "the config file")

// Main is goctl's layout: the producer and the consumer share the
// beanstalkd nodes of the config file, every node with the same tube. Not
// endpoints yet: a config file's list of nodes is not looked through (a
// key path through a sequence of mappings), so the tube stays unknown.
func Main() {
	var c config.Config
	conf.MustLoad(*configFile, &c)

	producer := dq.NewProducer(c.DqConf.Beanstalks)
	producer.Delay([]byte("order 1"), 15*time.Minute)

	consumer := dq.NewConsumer(c.DqConf)
	consumer.Consume(func(body []byte) {})
}

const reminders = "orders.remind"

// Literal schedules and consumes on tubes written in the code.
func Literal() {
	producer := dq.NewProducer([]dq.Beanstalk{ // endpoint: orders publish beanstalkd orders.remind
		{Endpoint: "beanstalkd-1:11300", Tube: reminders},
		{Endpoint: "beanstalkd-2:11300", Tube: reminders},
	})
	producer.At([]byte("order 2"), time.Now().Add(time.Hour))

	consumer := dq.NewConsumer(dq.DqConf{ // endpoint: orders consume beanstalkd orders.remind
		Beanstalks: []dq.Beanstalk{{Endpoint: "beanstalkd-1:11300", Tube: reminders}},
		Redis:      redis.RedisConf{Host: "redis:6379", Type: redis.NodeType},
	})
	consumer.Consume(func(body []byte) {})
}

// Mixed tubes: two nodes that disagree on the tube make no endpoint
// rather than a guess.
func Mixed() {
	dq.NewProducer([]dq.Beanstalk{
		{Endpoint: "beanstalkd-1:11300", Tube: "orders.a"},
		{Endpoint: "beanstalkd-2:11300", Tube: "orders.b"},
	})
}
