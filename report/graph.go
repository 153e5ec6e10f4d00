package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Edge is one kind of coupling from one service to another (or to a
// database), with the number of findings behind it. Coupling that allow
// rules or directives accept is an edge of its own, apart from the
// violations of the same kind between the same services.
type Edge struct {
	From    string // service, "shared", or "(unowned)"
	To      string // service or database
	Check   string
	Count   int
	Allowed bool     // accepted by allow rules or //couplingvet:allow directives (see AllowedCoupling)
	Reasons []string // for allowed edges: the distinct reasons, sorted
}

// unownedNode stands for code that belongs to no service.
const unownedNode = "(unowned)"

// Graph returns the coupling edges of r's findings and of its allowed
// coupling, sorted by from, to, check and allowed (violations first).
// Findings without a destination (unowned, directive) make no edge, nor do
// service cycles, which are made of edges.
func Graph(r Result) []Edge {
	type key struct {
		from, to, check string
		allowed         bool
	}
	counts := make(map[key]int)
	reasons := make(map[key][]string)
	add := func(check, from, to string, allowed bool, reason string) {
		if to == "" || check == "directive" || check == "unowned" || check == CheckCycles {
			return
		}
		if from == "" {
			from = unownedNode
		}
		k := key{from, to, check, allowed}
		counts[k]++
		if allowed && !slices.Contains(reasons[k], reason) {
			reasons[k] = append(reasons[k], reason)
		}
	}
	for _, f := range prepared(r.Findings) {
		add(f.Check, f.From, f.To, false, "")
	}
	for _, a := range preparedAllowed(r.Allowed) {
		add(a.Check, a.From, a.To, true, a.Reason)
	}
	edges := make([]Edge, 0, len(counts))
	for k, n := range counts {
		e := Edge{From: k.from, To: k.to, Check: k.check, Count: n, Allowed: k.allowed}
		if k.allowed {
			e.Reasons = slices.Sorted(slices.Values(reasons[k]))
		}
		edges = append(edges, e)
	}
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Check, b.Check), compareBool(a.Allowed, b.Allowed))
	})
	return edges
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// Node kinds of the service graph.
const (
	NodeService  = "service"  // a service of the map
	NodeDatabase = "database" // a database reached only through shareddb edges
	NodeTopic    = "topic"    // a topic with publishers but no consuming service, or the reverse
	NodeShared   = "shared"   // the shared code of the map ("shared")
	NodeUnowned  = "unowned"  // code owned by nobody ("(unowned)")
)

// EdgeEvent is the kind of the asynchronous edges of the service graph.
const EdgeEvent = "event"

// A ServiceGraph is the architecture one run saw: services, databases and
// topics as nodes; coupling findings, allowed coupling and event flows as
// edges. BuildGraph makes it; DOT, Mermaid and JSON draw it.
type ServiceGraph struct {
	Focused string // the service Focus kept with its neighbours; "" for the whole graph
	Nodes   []GraphNode
	Edges   []GraphEdge
}

// A GraphNode is a vertex of the service graph.
type GraphNode struct {
	ID     string `json:"id"`               // service name, "shared", "(unowned)", database, or "<broker>:<topic>"
	Kind   string `json:"kind"`             // NodeService, NodeDatabase, NodeTopic, NodeShared or NodeUnowned
	Broker string `json:"broker,omitempty"` // topics only
	Topic  string `json:"topic,omitempty"`  // topics only
}

// A GraphEdge is one edge of the service graph. Coupling edges (kind
// crossimport, shareddb or syncclient) count findings, or allowed findings
// when Allowed is set. Event edges (kind "event") count the publish and
// consume sites behind them: from a producer to a consumer of the topic, or,
// for a topic whose other side is not in the repository, from a producer to
// the topic's node or from the topic's node to a consumer.
type GraphEdge struct {
	From      string   `json:"from"`
	To        string   `json:"to"`
	Kind      string   `json:"kind"`
	Count     int      `json:"count"`
	Allowed   bool     `json:"allowed"`
	Reasons   []string `json:"reasons,omitempty"`
	Topic     string   `json:"topic,omitempty"`
	Broker    string   `json:"broker,omitempty"`
	Publishes int      `json:"publishes,omitempty"`
	Consumes  int      `json:"consumes,omitempty"`
}

// BuildGraph returns the service graph of r: every service of the map (with
// or without edges), the edges of Graph, and the event edges of EventEdges.
// A topic that services publish to but no service consumes (or consume but
// none publishes to), in the code analysed, is a node of its own, so that
// half of an event flow is not lost: the other half may live in another
// repository. Nodes are sorted by ID, edges by from, to, kind, allowed and
// topic.
func BuildGraph(r Result) ServiceGraph {
	var g ServiceGraph
	for _, e := range Graph(r) {
		g.Edges = append(g.Edges, GraphEdge{From: e.From, To: e.To, Kind: e.Check, Count: e.Count, Allowed: e.Allowed, Reasons: e.Reasons})
	}
	for _, e := range EventEdges(r) {
		g.Edges = append(g.Edges, GraphEdge{From: e.From, To: e.To, Kind: EdgeEvent, Count: e.Publishes + e.Consumes,
			Topic: e.Topic, Broker: e.Broker, Publishes: e.Publishes, Consumes: e.Consumes})
	}
	topics, topicEdges := halfTopics(r)
	g.Edges = append(g.Edges, topicEdges...)
	slices.SortFunc(g.Edges, compareGraphEdges)
	g.Nodes = graphNodes(r, g.Edges, topics)
	return g
}

func compareGraphEdges(a, b GraphEdge) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind),
		compareBool(a.Allowed, b.Allowed), cmp.Compare(a.Topic, b.Topic), cmp.Compare(a.Broker, b.Broker))
}

// halfTopics returns the topics with publishing services but no consuming
// one, or the reverse, as nodes, and the edges between them and their
// services. Endpoints of unowned code are left out, as in EventEdges.
func halfTopics(r Result) ([]GraphNode, []GraphEdge) {
	type topic struct{ broker, name string }
	type side struct {
		service, role string
	}
	sites := map[topic]map[side]int{}
	for _, e := range r.Events {
		if e.Service == "" || (e.Role != RolePublish && e.Role != RoleConsume) {
			continue
		}
		t := topic{e.Broker, e.Topic}
		if sites[t] == nil {
			sites[t] = map[side]int{}
		}
		sites[t][side{e.Service, e.Role}]++
	}
	var nodes []GraphNode
	var edges []GraphEdge
	for t, sides := range sites {
		roles := map[string]bool{}
		for s := range sides {
			roles[s.role] = true
		}
		if len(roles) == 2 {
			continue // both halves are here: EventEdges draws them
		}
		id := t.broker + ":" + t.name
		nodes = append(nodes, GraphNode{ID: id, Kind: NodeTopic, Broker: t.broker, Topic: t.name})
		for s, n := range sides {
			e := GraphEdge{Kind: EdgeEvent, Count: n, Topic: t.name, Broker: t.broker}
			if s.role == RolePublish {
				e.From, e.To, e.Publishes = s.service, id, n
			} else {
				e.From, e.To, e.Consumes = id, s.service, n
			}
			edges = append(edges, e)
		}
	}
	return nodes, edges
}

// graphNodes returns the services of the map, every edge endpoint and the
// topic nodes, sorted by ID. An endpoint that is no service and that only
// shareddb edges reach is a database.
func graphNodes(r Result, edges []GraphEdge, topics []GraphNode) []GraphNode {
	isTopic := map[string]bool{}
	for _, t := range topics {
		isTopic[t.ID] = true
	}
	services := make(map[string]bool)
	for _, s := range r.ServiceNames {
		services[s] = true
	}
	for _, e := range edges {
		if !isTopic[e.From] {
			services[e.From] = true
		}
	}
	for _, e := range edges {
		if e.Kind == EdgeEvent && !isTopic[e.To] {
			services[e.To] = true
		}
	}
	databases := make(map[string]bool)
	for _, e := range edges {
		if !services[e.To] && !isTopic[e.To] {
			databases[e.To] = !slices.ContainsFunc(edges, func(o GraphEdge) bool { return o.To == e.To && o.Kind != "shareddb" })
		}
	}
	nodes := slices.Clone(topics)
	for s := range services {
		kind := NodeService
		switch s {
		case "shared":
			kind = NodeShared
		case unownedNode:
			kind = NodeUnowned
		}
		nodes = append(nodes, GraphNode{ID: s, Kind: kind})
	}
	for d, isDB := range databases {
		kind := NodeService // reached by some other check: drawn like a service
		if isDB {
			kind = NodeDatabase
		}
		nodes = append(nodes, GraphNode{ID: d, Kind: kind})
	}
	slices.SortFunc(nodes, func(a, b GraphNode) int { return cmp.Compare(a.ID, b.ID) })
	return nodes
}

// Focus returns the part of g around service: the service, the nodes it
// has an edge to or from (services, databases, topics), and the edges among
// them. The caller checks that service is a node of the map.
func (g ServiceGraph) Focus(service string) ServiceGraph {
	keep := map[string]bool{service: true}
	for _, e := range g.Edges {
		if e.From == service {
			keep[e.To] = true
		}
		if e.To == service {
			keep[e.From] = true
		}
	}
	out := ServiceGraph{Focused: service}
	for _, n := range g.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range g.Edges {
		if keep[e.From] && keep[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// label is what an edge says in DOT and Mermaid: "syncclient (2)"; for
// allowed coupling "syncclient (1), allowed: <reasons>"; for events
// "event orders.created (kafka, 1 publish, 2 consume)".
func (e GraphEdge) label(newline string) string {
	switch {
	case e.Kind == EdgeEvent:
		var sites []string
		if e.Publishes > 0 {
			sites = append(sites, fmt.Sprintf("%d publish", e.Publishes))
		}
		if e.Consumes > 0 {
			sites = append(sites, fmt.Sprintf("%d consume", e.Consumes))
		}
		return fmt.Sprintf("event %s (%s)", e.Topic, strings.Join(append([]string{e.Broker}, sites...), ", "))
	case e.Allowed:
		return fmt.Sprintf("%s (%d), allowed:%s%s", e.Kind, e.Count, newline, strings.Join(e.Reasons, "; "))
	}
	return fmt.Sprintf("%s (%d)", e.Kind, e.Count)
}

// DOT writes the service graph of r in Graphviz DOT (see ServiceGraph.DOT).
func DOT(w io.Writer, r Result) error { return BuildGraph(r).DOT(w) }

// Mermaid writes the service graph of r as a Mermaid flowchart (see
// ServiceGraph.Mermaid).
func Mermaid(w io.Writer, r Result) error { return BuildGraph(r).Mermaid(w) }

// GraphJSON writes the service graph of r as JSON (see ServiceGraph.JSON).
func GraphJSON(w io.Writer, r Result) error { return BuildGraph(r).JSON(w) }

// DOT writes the graph in Graphviz DOT: one node per service (boxes), per
// database reached only through shareddb (cylinders) and per topic with
// only one side in the repository (parallelograms), and one edge per
// (from, to, kind) labelled "kind (count)". Allowed coupling is dashed and
// grey, labelled with its reasons; events are dotted and green, the healthy
// alternative. Nodes and edges are sorted by name. Render with `dot -Tsvg`.
//
//	digraph couplingvet {
//	  rankdir=LR;
//	  node [shape=box];
//	  "checkout";
//	  "orders";
//	  "orders-db" [shape=cylinder];
//	  "payments";
//	  "checkout" -> "orders" [label="syncclient (2)"];
//	  "checkout" -> "orders-db" [label="shareddb (1)"];
//	  "checkout" -> "payments" [label="syncclient (1), allowed:\ncard authorisation is synchronous", style=dashed, color=gray40];
//	  "orders" -> "checkout" [label="event orders.created (kafka, 1 publish, 1 consume)", style=dotted, color=darkgreen];
//	}
func (g ServiceGraph) DOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph couplingvet {\n  rankdir=LR;\n  node [shape=box];\n")
	for _, n := range g.Nodes {
		b.WriteString("  " + dotQuote(n.ID))
		switch n.Kind {
		case NodeDatabase:
			b.WriteString(" [shape=cylinder]")
		case NodeTopic:
			fmt.Fprintf(&b, " [shape=parallelogram, label=%s]", dotQuote("topic "+n.Topic+"\n("+n.Broker+")"))
		}
		b.WriteString(";\n")
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s", dotQuote(e.From), dotQuote(e.To), dotQuote(e.label("\n")))
		switch {
		case e.Kind == EdgeEvent:
			b.WriteString(", style=dotted, color=darkgreen")
		case e.Allowed:
			b.WriteString(", style=dashed, color=gray40")
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// Mermaid writes the graph as a Mermaid flowchart, for Markdown files and
// pull-request comments. Nodes get ids n0, n1, ... in name order so that
// any service name is safe; databases are cylinders, topics asymmetric
// shapes. Events are dotted links (-.->); allowed coupling is a dashed
// link (a linkStyle line after the links) labelled with its reasons.
//
//	flowchart LR
//	  n0["checkout"]
//	  n1["orders"]
//	  n2[("orders-db")]
//	  n3["payments"]
//	  n0 -->|"syncclient (2)"| n1
//	  n0 -->|"shareddb (1)"| n2
//	  n0 -->|"syncclient (1), allowed: card authorisation is synchronous"| n3
//	  n1 -.->|"event orders.created (kafka, 1 publish, 1 consume)"| n0
//	  linkStyle 2 stroke-dasharray:6 4
func (g ServiceGraph) Mermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := make(map[string]string)
	for i, n := range g.Nodes {
		id := fmt.Sprintf("n%d", i)
		ids[n.ID] = id
		switch n.Kind {
		case NodeDatabase:
			fmt.Fprintf(&b, "  %s[(%s)]\n", id, mermaidQuote(n.ID))
		case NodeTopic:
			fmt.Fprintf(&b, "  %s>%s]\n", id, mermaidQuote("topic "+n.Topic+" ("+n.Broker+")"))
		default:
			fmt.Fprintf(&b, "  %s[%s]\n", id, mermaidQuote(n.ID))
		}
	}
	var dashed []string
	for i, e := range g.Edges {
		arrow := "-->"
		switch {
		case e.Kind == EdgeEvent:
			arrow = "-.->"
		case e.Allowed:
			dashed = append(dashed, fmt.Sprint(i))
		}
		fmt.Fprintf(&b, "  %s %s|%s| %s\n", ids[e.From], arrow, mermaidQuote(e.label(" ")), ids[e.To])
	}
	if len(dashed) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke-dasharray:6 4\n", strings.Join(dashed, ","))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidQuote quotes a label; Mermaid has no backslash escapes, only
// HTML entity codes.
func mermaidQuote(s string) string {
	return `"` + strings.NewReplacer(`"`, "#quot;", "\n", " ").Replace(s) + `"`
}
