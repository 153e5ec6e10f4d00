package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// CheckCycles is the check of service cycles (see Cycles).
const CheckCycles = "cycles"

// cycleKinds are the edges that make a cycle: those that make one service
// fail, or fail to build, with another. Shared databases couple schemas,
// not calls; events are the way out of a cycle.
var cycleKinds = []string{"crossimport", "syncclient"}

// Cycles finds the services that depend on each other in a circle, through
// synchronous calls and imports, and returns one finding per strongly
// connected component of two or more services (Tarjan's algorithm over
// services and neighbours in name order, so the result is deterministic).
//
// Both violations and allowed coupling count: an allow rule accepts an
// edge, not a cycle. Edges of shared code and of unowned code do not count:
// they belong to no service.
//
// A component may hold several elementary cycles; its finding names one
// closed walk through all its members: from the member with the smallest
// name, to the nearest member not yet visited (by hops, then by name), and
// back. For a simple cycle that is the cycle itself, e.g.
//
//	checkout -> orders -> payments -> checkout (syncclient, syncclient, crossimport)
//
// The finding's From is the first member, To the others (sorted,
// comma-separated), Target the walk, and its position one site of the
// walk's first edge (the smallest by package, file, line and column), so
// that its fingerprint does not depend on where code moves. Findings are
// sorted by From and Target.
func Cycles(findings []Finding, allowed []AllowedCoupling, services []string, severity string) []Finding {
	g := newCycleGraph(services)
	for _, f := range prepared(findings) {
		g.add(f.Check, f.From, f.To, false, site{f.Package, f.File, f.Line, f.Column})
	}
	for _, a := range preparedAllowed(allowed) {
		g.add(a.Check, a.From, a.To, true, site{a.Package, a.File, a.Line, a.Column})
	}
	var out []Finding
	for _, scc := range g.components() {
		walk := g.walk(scc)
		first := g.hops[hopKey{walk[0], walk[1]}].first
		var kinds []string
		for i := range len(walk) - 1 {
			kinds = append(kinds, g.hops[hopKey{walk[i], walk[i+1]}].kinds())
		}
		text := strings.Join(walk, " -> ")
		out = append(out, Finding{
			Check:    CheckCycles,
			Severity: severity,
			From:     scc[0],
			To:       strings.Join(scc[1:], ","),
			Target:   text,
			Package:  first.pkg,
			File:     first.file,
			Line:     first.line,
			Column:   first.col,
			Message: fmt.Sprintf("%s (%s): a failure in any of them spreads to all; break one edge with an event, or accept the cycle in a baseline (allow rules accept edges, not cycles)",
				text, strings.Join(kinds, ", ")),
		})
	}
	slices.SortFunc(out, func(a, b Finding) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Target, b.Target)) })
	return out
}

type site struct {
	pkg, file string
	line, col int
}

func compareSites(a, b site) int {
	return cmp.Or(cmp.Compare(a.pkg, b.pkg), cmp.Compare(a.file, b.file), cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col))
}

type hopKey struct{ from, to string }

// hop is what makes one service depend on another.
type hop struct {
	violation map[string]bool // kinds with at least one violation
	allowed   map[string]bool // kinds with at least one allowed finding
	first     site            // the smallest site of any kind
	hasSite   bool
}

// kinds names the hop's kinds, "+"-joined, each marked "allowed" when
// nothing but allowed coupling is behind it: "syncclient", "crossimport+syncclient allowed".
func (h *hop) kinds() string {
	var parts []string
	for _, k := range cycleKinds {
		switch {
		case h.violation[k]:
			parts = append(parts, k)
		case h.allowed[k]:
			parts = append(parts, k+" allowed")
		}
	}
	return strings.Join(parts, "+")
}

type cycleGraph struct {
	services map[string]bool
	hops     map[hopKey]*hop
	next     map[string][]string // neighbours, sorted
}

func newCycleGraph(services []string) *cycleGraph {
	g := &cycleGraph{services: map[string]bool{}, hops: map[hopKey]*hop{}, next: map[string][]string{}}
	for _, s := range services {
		g.services[s] = true
	}
	return g
}

func (g *cycleGraph) add(check, from, to string, allowed bool, at site) {
	if !slices.Contains(cycleKinds, check) || from == to || !g.services[from] || !g.services[to] {
		return
	}
	k := hopKey{from, to}
	h := g.hops[k]
	if h == nil {
		h = &hop{violation: map[string]bool{}, allowed: map[string]bool{}}
		g.hops[k] = h
		i, _ := slices.BinarySearch(g.next[from], to)
		g.next[from] = slices.Insert(g.next[from], i, to)
	}
	if allowed {
		h.allowed[check] = true
	} else {
		h.violation[check] = true
	}
	if !h.hasSite || compareSites(at, h.first) < 0 {
		h.first, h.hasSite = at, true
	}
}

// components returns the strongly connected components of two or more
// services, each sorted by name (Tarjan's algorithm).
func (g *cycleGraph) components() [][]string {
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var out [][]string
	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = len(index), len(index)
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range g.next[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var scc []string
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			scc = append(scc, w)
			if w == v {
				break
			}
		}
		if len(scc) > 1 {
			slices.Sort(scc)
			out = append(out, scc)
		}
	}
	for _, v := range slices.Sorted(func(yield func(string) bool) {
		for s := range g.services {
			if !yield(s) {
				return
			}
		}
	}) {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	return out
}

// walk returns a closed walk through every member of scc (sorted), from
// and back to its first member, going each time to the nearest member not
// yet visited.
func (g *cycleGraph) walk(scc []string) []string {
	in := map[string]bool{}
	for _, s := range scc {
		in[s] = true
	}
	visited := map[string]bool{scc[0]: true}
	walk := []string{scc[0]}
	for len(visited) < len(scc) {
		path := g.shortestPath(walk[len(walk)-1], in, func(s string) bool { return !visited[s] })
		for _, s := range path {
			visited[s] = true
		}
		walk = append(walk, path...)
	}
	return append(walk, g.shortestPath(walk[len(walk)-1], in, func(s string) bool { return s == scc[0] })...)
}

// shortestPath returns the nodes after from on the shortest path inside the
// component to the first node that is a goal (breadth first, neighbours in
// name order); from itself may be the goal. In a strongly connected
// component there always is such a path.
func (g *cycleGraph) shortestPath(from string, in map[string]bool, goal func(string) bool) []string {
	parent := map[string]string{}
	seen := map[string]bool{from: !goal(from)}
	queue := []string{from}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range g.next[v] {
			if !in[w] || seen[w] {
				continue
			}
			seen[w], parent[w] = true, v
			if goal(w) {
				path := []string{w}
				for x := v; x != from; x = parent[x] {
					path = append([]string{x}, path...)
				}
				return path
			}
			queue = append(queue, w)
		}
	}
	return nil
}
