package topicwriter // want package:`writes example.com/valuetest/topics.WrittenByDependency}$`

// Package topicwriter overrides a variable of package topics: its
// importers cannot take topics' fact for that variable's value.

import "example.com/valuetest/topics"

func Override() {
	topics.WrittenByDependency = "rc.dep.v2"
	_ = topics.MessagePubTopic
}
