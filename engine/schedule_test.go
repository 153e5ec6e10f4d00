package engine

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestRankNodesIsDepthFirst(t *testing.T) {
	// Two services over a shared package: a depth-first order finishes
	// one service (its internal package, then its command) before the
	// other starts.
	nodes := map[string]*node{}
	add := func(id string, deps ...string) {
		n := &node{id: id}
		for _, d := range deps {
			n.deps = append(n.deps, nodes[d])
			nodes[d].importersLeft.Add(1)
		}
		nodes[id] = n
	}
	add("shared")
	add("a/internal", "shared")
	add("b/internal", "shared")
	add("a/cmd", "a/internal")
	add("b/cmd", "b/internal", "shared")
	rankNodes(nodes)
	want := []string{"shared", "a/internal", "a/cmd", "b/internal", "b/cmd"}
	for i, id := range want {
		if got := nodes[id].rank; got != i {
			t.Errorf("rank of %s = %d, want %d (order %v)", id, got, i, want)
		}
	}
}

func TestSchedulerHandsOutSlotsLowestRankFirst(t *testing.T) {
	s := newScheduler(1)
	s.acquire(0) // the one slot is taken
	var (
		mu    sync.Mutex
		order []int
		wg    sync.WaitGroup
	)
	for _, rank := range []int{5, 1, 3} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.acquire(rank)
			mu.Lock()
			order = append(order, rank)
			mu.Unlock()
			s.release()
		}()
	}
	// Wait until all three are queued, then free the slot.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		s.mu.Lock()
		queued := s.waiting.Len()
		s.mu.Unlock()
		if queued == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d waiters queued after 10 s, want 3", queued)
		}
	}
	s.release()
	wg.Wait()
	if got := fmt.Sprint(order); got != "[1 3 5]" {
		t.Errorf("slots went to ranks %s, want [1 3 5]", got)
	}
	if s.free != 1 {
		t.Errorf("%d free slots after every release, want 1", s.free)
	}
}
