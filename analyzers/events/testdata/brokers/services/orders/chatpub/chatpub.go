// Package chatpub publishes to a topic named by a variable of shared code.
package chatpub

import (
	"github.com/ThreeDotsLabs/watermill/message"

	"example.com/brokers/pkg/chattopics"
)

func Publish(pub message.Publisher) error {
	return pub.Publish(chattopics.MessagePubTopic, message.NewMessage("1", nil)) // endpoint: orders publish watermill rc.msg.pub
}
