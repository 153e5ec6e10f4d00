// Package reader reads the variables of package topics: their facts
// resolve them, unless something the reader sees writes them.
package reader

import (
	"flag"

	"example.com/valuetest/topics"
	"example.com/valuetest/topicwriter"
)

func show(s string) {}

func reads() {
	show(topics.MessagePubTopic)         // want `^rc.msg.pub origin=literal$`
	show(string(topics.Orders))          // want `^orders.created origin=literal$`
	show(topics.OrdersURL + "/v1/items") // want `^\{env:ORDERS_URL\}/v1/items origin=env ORDERS_URL$`
	show(topics.BaseURL)                 // want `^http://orders:8080 origin=literal$`
	show(topics.DSN)                     // want `^postgres://app:s3cr3t@orders-db:5432/app origin=literal$`

	show(topics.SetInInit)  // want `^rc.set origin=literal$`
	show(topics.Same)       // want `^rc.same origin=literal$`
	show(topics.ListenAddr) // want `^\{env:LISTEN_ADDR\} origin=env LISTEN_ADDR pattern=orders:9090$`

	// Written by package topics with other values: no fact.
	show(topics.Assigned)  // want `^\{unknown:variable topics.Assigned \(its package fixes no value\)\}`
	show(topics.Addressed) // want `^\{unknown:variable Addressed\}`
	show(topics.Flagged)   // want `^\{unknown:variable Flagged\}`
	show(topics.InInit)    // want `^\{unknown:variable InInit\}`
	show(topics.Bumped)    // want `^\{unknown:variable Bumped\}`
	show(topics.Hostname)  // want `^\{unknown:variable Hostname\}`

	// Written by a dependency, or by this package.
	show(topics.WrittenByDependency) // want `^\{unknown:variable topics.WrittenByDependency \(written in package example.com/valuetest/topicwriter\)\}`
	show(topics.WrittenByReader)     // want `^\{unknown:variable topics.WrittenByReader assigned several values\}`
	show(topics.SameInReader)        // want `^rc.same origin=literal$`
	show(topics.FlaggedByReader)     // want `^\{unknown:variable topics.FlaggedByReader assigned several values\}`
	topicwriter.Override()
}

func overrides() {
	topics.WrittenByReader = "rc.reader.v2"
	topics.SameInReader = "rc.same"
	flag.StringVar(&topics.FlaggedByReader, "topic", "rc.flag", "topic")
}

// Written here, but without a value its package fixes: unknown (above).
func unfixed() {
	topics.Assigned = "rc.assigned"
}
