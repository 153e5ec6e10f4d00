// Package kqueue pushes and consumes with go-zero's kq, topics from its config file.
package kqueue

import (
	"flag"

	"example.com/brokers/services/shipping/kqueue/internal/config"
	"github.com/zeromicro/go-queue/kq"
	"github.com/zeromicro/go-zero/core/conf"
)

var configFile = flag.String("f", "etc/shipping.yaml", "the config file")

func Main() {
	var c config.Config
	conf.MustLoad(*configFile, &c)

	pusher := kq.NewPusher(c.KqPusherConf.Brokers, c.KqPusherConf.Topic) // endpoint: shipping publish kafka shipping.delivered
	defer pusher.Close()

	q := kq.MustNewQueue(c.KqConsumerConf, kq.WithHandle(func(k, v string) error { return nil })) // endpoint: shipping consume kafka payments.settled
	defer q.Stop()
	q.Start()
}
