package report

import (
	"cmp"
	"slices"
)

// Roles an EventEndpoint may have.
const (
	RolePublish = "publish"
	RoleConsume = "consume"
)

// An EventEndpoint is one place where code publishes to, or consumes from, a
// topic (a Kafka topic, a NATS subject, an AMQP queue or exchange, a Redis
// stream or channel, a task queue): asynchronous coupling, the healthy
// alternative to a synchronous call or a shared database. Endpoints are not
// violations; they draw the event edges of the service graph.
type EventEndpoint struct {
	Service string // service of the package; "" for code no service owns (wiring, unowned)
	Role    string // RolePublish or RoleConsume
	Broker  string // kafka, nats, amqp, redis, asynq, pubsub, sqs, sns, watermill, gozero-kq, ...
	Topic   string // the resolved topic, subject, queue or stream name
	Package string // import path of the package
	File    string // absolute path of the file
	Line    int
	Column  int
}

// An EventEdge is asynchronous coupling from a producer service to a
// consumer service through one topic, with the number of publish and
// consume sites behind it.
type EventEdge struct {
	From      string // producer service
	To        string // consumer service
	Topic     string
	Broker    string
	Publishes int // publish sites of From on Topic
	Consumes  int // consume sites of To on Topic
}

// EventEdges pairs every service that publishes to a topic with every
// service that consumes it (the same broker kind and topic name), sorted by
// from, to, topic and broker. A service that consumes its own topic makes no
// edge; endpoints of unowned code ("" service) make none either.
func EventEdges(r Result) []EventEdge {
	type key struct{ service, broker, topic string }
	pubs := map[key]int{}
	subs := map[key]int{}
	for _, e := range r.Events {
		if e.Service == "" {
			continue
		}
		k := key{e.Service, e.Broker, e.Topic}
		switch e.Role {
		case RolePublish:
			pubs[k]++
		case RoleConsume:
			subs[k]++
		}
	}
	var edges []EventEdge
	for p, np := range pubs {
		for s, ns := range subs {
			if p.broker != s.broker || p.topic != s.topic || p.service == s.service {
				continue
			}
			edges = append(edges, EventEdge{From: p.service, To: s.service, Topic: p.topic, Broker: p.broker, Publishes: np, Consumes: ns})
		}
	}
	slices.SortFunc(edges, func(a, b EventEdge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Topic, b.Topic), cmp.Compare(a.Broker, b.Broker))
	})
	return edges
}
