package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Edge is one kind of coupling from one service to another (or to a
// database), with the number of findings behind it.
type Edge struct {
	From  string // service, "shared", or "(unowned)"
	To    string // service or database
	Check string
	Count int
}

// unownedNode stands for code that belongs to no service.
const unownedNode = "(unowned)"

// Graph returns the coupling edges of r's findings, sorted by from, to and
// check. Findings without a destination (unowned, directive) make no edge.
func Graph(r Result) []Edge {
	counts := make(map[Edge]int)
	for _, f := range prepared(r.Findings) {
		if f.To == "" || f.Check == "directive" || f.Check == "unowned" {
			continue
		}
		from := f.From
		if from == "" {
			from = unownedNode
		}
		counts[Edge{From: from, To: f.To, Check: f.Check}]++
	}
	edges := make([]Edge, 0, len(counts))
	for e, n := range counts {
		e.Count = n
		edges = append(edges, e)
	}
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Check, b.Check))
	})
	return edges
}

// node is a vertex of the graph.
type node struct {
	Name     string
	Database bool // reached only by shareddb edges and not a service
}

// graphNodes returns the services of the map plus every edge endpoint, sorted.
func graphNodes(r Result, edges []Edge) []node {
	services := make(map[string]bool)
	for _, s := range r.ServiceNames {
		services[s] = true
	}
	for _, e := range edges {
		services[e.From] = true
	}
	databases := make(map[string]bool)
	for _, e := range edges {
		if !services[e.To] {
			databases[e.To] = !hasNonDB(edges, e.To) // every edge to it is shareddb
		}
	}
	var nodes []node
	for s := range services {
		nodes = append(nodes, node{Name: s})
	}
	for d, isDB := range databases {
		nodes = append(nodes, node{Name: d, Database: isDB})
	}
	slices.SortFunc(nodes, func(a, b node) int { return cmp.Compare(a.Name, b.Name) })
	return nodes
}

// hasNonDB reports whether an edge of a check other than shareddb reaches to.
func hasNonDB(edges []Edge, to string) bool {
	return slices.ContainsFunc(edges, func(e Edge) bool { return e.To == to && e.Check != "shareddb" })
}

// edgeLabel is "check (count)", e.g. "syncclient (2)".
func edgeLabel(e Edge) string { return fmt.Sprintf("%s (%d)", e.Check, e.Count) }

// DOT writes the service graph in Graphviz DOT: one node per service (boxes)
// and per database reached only through shareddb (cylinders), and one edge
// per (from, to, check) labelled "check (count)". Nodes and edges are sorted
// by name. Render with `dot -Tsvg`.
//
//	digraph couplingvet {
//	  rankdir=LR;
//	  node [shape=box];
//	  "checkout";
//	  "orders";
//	  "orders-db" [shape=cylinder];
//	  "checkout" -> "orders" [label="syncclient (2)"];
//	  "checkout" -> "orders-db" [label="shareddb (1)"];
//	}
func DOT(w io.Writer, r Result) error {
	edges := Graph(r)
	var b strings.Builder
	b.WriteString("digraph couplingvet {\n  rankdir=LR;\n  node [shape=box];\n")
	for _, n := range graphNodes(r, edges) {
		b.WriteString("  " + dotQuote(n.Name))
		if n.Database {
			b.WriteString(" [shape=cylinder]")
		}
		b.WriteString(";\n")
	}
	for _, e := range edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", dotQuote(e.From), dotQuote(e.To), dotQuote(edgeLabel(e)))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// Mermaid writes the service graph as a Mermaid flowchart, for Markdown
// files and pull-request comments. Nodes get ids n0, n1, ... in name order
// so that any service name is safe; databases are drawn as cylinders.
//
//	flowchart LR
//	  n0["checkout"]
//	  n1["orders"]
//	  n2[("orders-db")]
//	  n0 -->|"syncclient (2)"| n1
//	  n0 -->|"shareddb (1)"| n2
func Mermaid(w io.Writer, r Result) error {
	edges := Graph(r)
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := make(map[string]string)
	for i, n := range graphNodes(r, edges) {
		id := fmt.Sprintf("n%d", i)
		ids[n.Name] = id
		if n.Database {
			fmt.Fprintf(&b, "  %s[(%s)]\n", id, mermaidQuote(n.Name))
		} else {
			fmt.Fprintf(&b, "  %s[%s]\n", id, mermaidQuote(n.Name))
		}
	}
	for _, e := range edges {
		fmt.Fprintf(&b, "  %s -->|%s| %s\n", ids[e.From], mermaidQuote(edgeLabel(e)), ids[e.To])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidQuote quotes a label; Mermaid has no backslash escapes, only
// HTML entity codes.
func mermaidQuote(s string) string {
	return `"` + strings.NewReplacer(`"`, "#quot;", "\n", " ").Replace(s) + `"`
}
