package events

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/finding"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/tools/go/analysis"
)

// Analyzer finds where services publish to and consume from topics, and
// reports a service publishing to a topic another service owns.
var Analyzer = &analysis.Analyzer{
	Name:       "events",
	Doc:        "find event producers and consumers; report publishing to a topic another service owns\n\n" + shortDoc,
	URL:        "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/events",
	Requires:   []*analysis.Analyzer{value.Analyzer},
	FactTypes:  []analysis.Fact{new(wrapperFact)},
	ResultType: reflect.TypeFor[*Result](),
	Run:        run,
}

const shortDoc = `Services that exchange events are coupled loosely: the healthy
alternative to a synchronous call or a shared database. events finds the
places where code publishes to or consumes from a topic (kafka-go, sarama,
confluent-kafka-go, go-zero's kq and dq, nats.go and JetStream, amqp091-go,
go-redis streams and pub/sub, asynq, watermill, Cloud Pub/Sub v1 and v2,
SQS, SNS, go-micro),
resolves the topic names statically, also through wrapper functions in
other packages, and returns them for the service graph. With the map's
topics: keys it reports a service that publishes to a topic another
service owns (off unless the map's checks turn it on).`

// wrapperFact marks a function that passes a topic it is given (or, in
// shared and contract code, a fixed one) to a publish or consume sink;
// callers in other packages are endpoints as if they called the sink. See
// package sinks.
type wrapperFact struct{ sinks.Summary }

func (*wrapperFact) AFact() {}

// Result is what the analyzer returns for a package: its event endpoints,
// for the service graph. It is nil for packages outside the repository.
type Result struct {
	Endpoints []Endpoint // in source order
}

// An Endpoint is one place where a package publishes to, or consumes
// from, a topic whose name is known.
type Endpoint struct {
	Service string // the service whose code it is; "" for wiring and unowned code
	Role    string // "publish" or "consume"
	Broker  string // kafka, nats, amqp, redis-stream, redis-pubsub, asynq, watermill, pubsub, sqs, sns, go-micro, beanstalkd
	Topic   string
	Package string // import path
	Pos     token.Position
	Origin  string // where the topic's name comes from: "literal", "env ORDERS_TOPIC = docker-compose.yml:12", ...
	Via     string // wrapper chain ("pkg/bus.Publish -> kafka.Writer{Topic}"); "" for a direct call
}

// Endpoints returns the endpoints of an analyzer result (the value the
// checker hands out for Analyzer), or nil.
func Endpoints(result any) []Endpoint {
	if r, ok := result.(*Result); ok && r != nil {
		return r.Endpoints
	}
	return nil
}

func run(pass *analysis.Pass) (any, error) {
	view, err := servicemap.For(pass)
	if view == nil || err != nil {
		return (*Result)(nil), err
	}
	res := pass.ResultOf[value.Analyzer].(*value.Resolver)
	hits := sinks.Find(pass, res, sinks.Config{
		Table:   Sinks.ForMap(view.Map, sinks.Topic),
		NewFact: func() sinks.Fact { return new(wrapperFact) },
		// A topic fixed in shared or contract code (a client SDK's
		// PublishOrderCreated) belongs to the services that call it.
		ExportFixed: view.Owner.Role != boundaries.Private,
	})
	c := &checker{pass: pass, view: view, reporter: finding.NewReporter(pass, view, finding.Events)}
	result := &Result{}
	for _, h := range hits {
		if e, ok := c.endpoint(h); ok {
			result.Endpoints = append(result.Endpoints, e)
			c.checkOwner(h, e)
		}
	}
	c.reporter.Finish()
	return result, nil
}

type checker struct {
	pass     *analysis.Pass
	view     *servicemap.View
	reporter *finding.Reporter
}

// endpoint turns a hit into an endpoint when its topic is known, in the
// code or from the deploy and config files. A topic that cannot be
// resolved makes no endpoint: an edge is drawn only between names known
// on both sides, never guessed.
func (c *checker) endpoint(h sinks.Hit) (Endpoint, bool) {
	if r := c.view.Owner.Role; r == boundaries.Shared || r == boundaries.Contract {
		return Endpoint{}, false // its callers are the endpoints, through the wrapper facts
	}
	label, _ := h.Label.Text()
	broker, role := labelOf(label)
	topic, origin, ok := c.topic(h.Value)
	if !ok || broker == redisStream && role == consume && streamID.MatchString(topic) {
		return Endpoint{}, false // XRead's Streams lists the IDs after the streams
	}
	if broker == amqp {
		// The default exchange routes a key to the queue of that name:
		// its topic is the queue's, as Channel.Consume names it.
		topic = strings.TrimPrefix(topic, sinks.QualifierSep)
	}
	e := Endpoint{
		Service: c.service(),
		Role:    role,
		Broker:  broker,
		Topic:   topic,
		Package: c.view.Package,
		Pos:     c.pass.Fset.Position(h.Node.Pos()),
		Origin:  origin,
	}
	if h.Wrapped {
		e.Via = h.ViaIn(c.module())
	}
	if h.MadeIn != "" {
		// A literal of another package's options struct whose methods
		// publish or consume: that package's service does it.
		if svc := c.view.Map.OwnerOfPackage(h.MadeIn).Service; svc != "" {
			e.Service = svc
		}
	}
	return e, true
}

// streamID matches what go-redis' XReadArgs.Streams holds after the stream
// names: "0", ">", "$", "+", "-", or an entry ID such as 1526919030474-55.
var streamID = regexp.MustCompile(`^([0-9]+(-[0-9]+)?|[>$+-])$`)

// topic resolves a topic's name: known in the code, or given by every
// deploy and config file alike.
func (c *checker) topic(v value.Value) (topic, origin string, ok bool) {
	if s, ok := v.Text(); ok {
		return s, v.Origin(), s != ""
	}
	b := value.Bind(c.view, v)
	if !b.Changed(v) {
		return "", "", false
	}
	for i, alt := range b.Alternatives {
		s, ok := alt.Value.Text()
		if !ok || s == "" || i > 0 && s != topic {
			return "", "", false
		}
		topic = s
	}
	return topic, v.Origin() + " = " + strings.Join(b.Sources(), ", "), true
}

// checkOwner reports a service that publishes to a topic another service
// owns. Consuming another service's topic is what events are for.
func (c *checker) checkOwner(h sinks.Hit, e Endpoint) {
	if e.Service == "" || e.Role != publish {
		return
	}
	owner := c.view.Map.ServiceOfTopic(e.Topic)
	if owner == "" || owner == e.Service {
		return
	}
	how := e.Broker
	if e.Via != "" {
		how += ", via " + e.Via
	}
	c.reporter.Report(h.Node, finding.Finding{
		Check:  finding.Events,
		From:   e.Service,
		To:     owner,
		Target: e.Topic,
		Message: fmt.Sprintf("%s publishes to topic %s, which %s owns (%s): it writes into another service's stream; publish your own event and let %s consume it, or allow it in %s with a reason",
			e.Service, e.Topic, owner, how, owner, c.mapName()),
	})
}

// service names the service whose code the package is; wiring and
// unowned code belongs to none.
func (c *checker) service() string {
	if c.view.Owner.Role == boundaries.Private {
		return c.view.Owner.Service
	}
	return ""
}

func (c *checker) module() string {
	if c.pass.Module != nil {
		return c.pass.Module.Path
	}
	return ""
}

func (c *checker) mapName() string {
	if c.view.Map.File == "" {
		return "couplingvet.yaml"
	}
	return filepath.Base(c.view.Map.File)
}
