package engine

import (
	"cmp"
	"container/heap"
	"slices"
	"sync"
)

// Scheduling. Type-checking is the CPU-bound part of a run; it takes one of
// GOMAXPROCS slots, and when a slot frees up, the waiting package that
// comes first in a depth-first post-order of the graph gets it. Handed out
// in the order packages became ready, the slots took every service's
// packages layer by layer together, so the types of all their lower
// layers stayed live until the last service reached the top (live memory,
// and the collector's work, grew with the whole repository). In
// depth-first order one service is finished, and its internal packages
// released, before the next one starts; only what many services import
// stays live throughout.

// rankNodes numbers the nodes in a depth-first post-order (what each waits
// for first: dependencies, test variants), starting from the packages
// nothing imports, by ID.
func rankNodes(nodes map[string]*node) {
	tops := make([]*node, 0, len(nodes))
	for _, n := range nodes {
		if n.importersLeft.Load() == 0 {
			tops = append(tops, n)
		}
	}
	slices.SortFunc(tops, func(a, b *node) int { return cmp.Compare(a.id, b.id) })
	ranked := make(map[*node]bool, len(nodes))
	next := 0
	var visit func(n *node)
	visit = func(n *node) {
		if ranked[n] {
			return
		}
		ranked[n] = true
		for _, d := range n.waitsFor() {
			visit(d)
		}
		n.rank = next
		next++
	}
	for _, n := range tops {
		visit(n)
	}
}

// A scheduler hands out a fixed number of slots, lowest rank first.
type scheduler struct {
	mu      sync.Mutex
	free    int
	waiting waiters
}

func newScheduler(slots int) *scheduler { return &scheduler{free: slots} }

// acquire waits for a slot.
func (s *scheduler) acquire(rank int) {
	s.mu.Lock()
	if s.free > 0 {
		s.free--
		s.mu.Unlock()
		return
	}
	w := &waiter{rank: rank, ready: make(chan struct{})}
	heap.Push(&s.waiting, w)
	s.mu.Unlock()
	<-w.ready
}

// release gives the slot to the waiter of lowest rank, if any.
func (s *scheduler) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.waiting.Len() == 0 {
		s.free++
		return
	}
	close(heap.Pop(&s.waiting).(*waiter).ready)
}

type waiter struct {
	rank  int
	ready chan struct{}
}

// waiters is a min-heap by rank.
type waiters []*waiter

func (w waiters) Len() int           { return len(w) }
func (w waiters) Less(i, j int) bool { return w[i].rank < w[j].rank }
func (w waiters) Swap(i, j int)      { w[i], w[j] = w[j], w[i] }
func (w *waiters) Push(x any)        { *w = append(*w, x.(*waiter)) }
func (w *waiters) Pop() any {
	old := *w
	last := old[len(old)-1]
	*w = old[:len(old)-1]
	return last
}
