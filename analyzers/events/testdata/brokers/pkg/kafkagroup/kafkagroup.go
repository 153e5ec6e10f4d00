// Package kafkagroup is shared code: a consumer group whose callers give
// the topics as a slice, passed on to kafka.ReaderConfig's GroupTopics,
// and a variadic subscribe helper. Its callers are the endpoints, one per
// topic they pass.
package kafkagroup

import (
	"context"

	"github.com/segmentio/kafka-go"
)

type ConsumerGroup struct {
	Brokers []string
	GroupID string
}

func NewConsumerGroup(brokers []string, groupID string) *ConsumerGroup {
	return &ConsumerGroup{Brokers: brokers, GroupID: groupID}
}

func (c *ConsumerGroup) GetNewKafkaReader(kafkaURL []string, groupTopics []string, groupID string) *kafka.Reader { // want GetNewKafkaReader:`topic\(kafka/consume\) \{param1:groupTopics\} via kafka.ReaderConfig\{GroupTopics\}`
	return kafka.NewReader(kafka.ReaderConfig{Brokers: kafkaURL, GroupID: groupID, GroupTopics: groupTopics})
}

func (c *ConsumerGroup) ConsumeTopic(ctx context.Context, groupTopics []string, poolSize int) { // want ConsumeTopic:`topic\(kafka/consume\) \{param1:groupTopics\} via example.com/brokers/pkg/kafkagroup.ConsumerGroup.GetNewKafkaReader -> kafka.ReaderConfig\{GroupTopics\}`
	r := c.GetNewKafkaReader(c.Brokers, groupTopics, c.GroupID)
	defer r.Close()
	for range poolSize {
		r.ReadMessage(ctx)
	}
}

func Subscribe(groupID string, topics ...string) *kafka.Reader { // want Subscribe:`topic\(kafka/consume\) \{param1:topics\} via kafka.ReaderConfig\{GroupTopics\}`
	return kafka.NewReader(kafka.ReaderConfig{GroupID: groupID, GroupTopics: topics})
}
