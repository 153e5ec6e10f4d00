// Package forwarder consumes, through watermill's router, the topic that
// package chatpub publishes to, named by the same shared variable.
package forwarder

import (
	"github.com/ThreeDotsLabs/watermill/message"

	"example.com/brokers/pkg/chattopics"
)

func Register(router *message.Router, sub message.Subscriber) {
	router.AddNoPublisherHandler("forward", chattopics.MessagePubTopic, sub, func(*message.Message) error { return nil }) // endpoint: shipping consume watermill rc.msg.pub
	router.AddNoPublisherHandler("fanout", chattopics.MessageSubTopic, sub, func(*message.Message) error { return nil })  // endpoint: shipping consume watermill rc.msg.pub.sub
}
