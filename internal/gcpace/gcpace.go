// Package gcpace paces the garbage collector of a process that lives for
// one run: it collects less often while the heap is small, or against a
// memory budget known in advance, and returns to a fixed GOGC when the
// heap shows the plan was wrong.
//
// The runtime's default (GOGC=100, from a 4 MB goal) collects many times in
// a process that lives for a second and builds a few tens of megabytes that
// stay live to its end: each collection finds little garbage, and the
// process would have dropped it all on exit anyway. Relax raises GOGC while
// the live heap is small and settles it once a collection finds the heap
// large, so a process that turns out to do a lot of work keeps the memory
// bound it would have had without Relax.
//
// A process whose live heap grows through the run (a type checker keeping
// the types of every package some importer still needs) pays most for a
// GOGC that is relative to the heap live now: while the heap is small, it
// collects every few megabytes. When the peak is predictable, Budget lets
// the heap use a fixed amount of memory from the start instead, which is
// collected far less often for the same peak.
package gcpace

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A Pacer is the state of one Relax.
type Pacer struct {
	mu       sync.Mutex
	applied  bool // Relax changed the setting: the user did not set $GOGC
	mode     mode
	watching bool // a sentinel is waiting for the next collection
	previous int  // the setting Relax found
	settled  int
	limit    uint64 // relaxed: the live heap that settles

	previousLimit int64 // budgeted: the memory limit Budget found
}

type mode int

const (
	modeSettled  mode = iota // at the settled GOGC
	modeRelaxed              // at the relaxed GOGC, until the live heap passes limit
	modeBudgeted             // GOGC off, against the memory limit Budget set
	modeStopped              // restored: the Pacer changes nothing any more
)

// Relax sets GOGC to relaxed until a collection finds more than liveLimit
// bytes live, then to settled. It does nothing (and neither do the
// Pacer's methods) when the user set $GOGC: their setting wins.
func Relax(relaxed int, liveLimit uint64, settled int) *Pacer {
	p := &Pacer{settled: settled, limit: liveLimit}
	if os.Getenv("GOGC") != "" {
		p.mode = modeStopped
		return p
	}
	p.applied = true
	p.previous = debug.SetGCPercent(relaxed)
	p.mode = modeRelaxed
	p.mu.Lock()
	p.watch()
	p.mu.Unlock()
	return p
}

// watch arms a sentinel that runs after the next collection (a finalizer
// on an unreachable object runs after the cycle that found it), unless one
// is armed. The caller holds p.mu.
func (p *Pacer) watch() {
	if p.watching {
		return
	}
	p.watching = true
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.watching = false
		if p.afterCollection() {
			p.watch()
		}
	})
}

// afterCollection checks the plan against the heap a collection left live,
// and reports whether to keep watching.
func (p *Pacer) afterCollection() bool {
	switch p.mode {
	case modeRelaxed:
		if liveHeap() > p.limit {
			p.settle()
			return false
		}
		return true
	case modeBudgeted:
		// The runtime's heap goal under the limit is what the budget
		// leaves after what is live, fragmented and held outside the
		// heap. Once the settled GOGC would allow more, the estimate was
		// low, and the collector would run ever more often, then nearly
		// without pause: the settled setting bounds the heap by what is
		// live instead.
		if live := liveHeap(); heapGoal() < live+live*uint64(max(p.settled, 0))/100 {
			p.settle()
			return false
		}
		return true
	}
	return false
}

// settle applies the settled setting. The caller holds p.mu.
func (p *Pacer) settle() {
	debug.SetGCPercent(p.settled)
	if p.mode == modeBudgeted {
		debug.SetMemoryLimit(p.previousLimit)
	}
	p.mode = modeSettled
}

func liveHeap() uint64 { return readMetric("/gc/heap/live:bytes") }

func heapGoal() uint64 { return readMetric("/gc/heap/goal:bytes") }

// Percent returns the collector's current setting (GOGC) without changing
// it, as debug.SetGCPercent would to read it.
func Percent() int { return int(readMetric("/gc/gogc:percent")) }

// MemoryLimit returns the runtime's current soft memory limit without
// changing it.
func MemoryLimit() int64 { return int64(readMetric("/gc/gomemlimit:bytes")) }

func readMetric(name string) uint64 {
	sample := []metrics.Sample{{Name: name}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// Settle applies the settled setting now, for work known to be large
// before its heap is.
func (p *Pacer) Settle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mode == modeRelaxed || p.mode == modeBudgeted {
		p.settle()
	}
}

// Budget turns the collector off and sets a soft memory limit of bytes
// (all the memory the runtime holds, as debug.SetMemoryLimit counts it),
// for work whose peak live heap is known to fit in it with room to spare:
// the heap is then collected only as it nears the budget, not each time it
// grows by GOGC percent of a heap that is still small. Once a collection
// finds so much live that the settled GOGC would let the heap grow further
// than the budget does, the settled setting applies (without the limit):
// the budget never makes the collector run more often than it would have,
// and memory is bounded by the larger of the two. Budget does nothing when
// the user set $GOGC or $GOMEMLIMIT, or after Stop.
func (p *Pacer) Budget(bytes uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.applied || p.mode == modeStopped || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if p.mode != modeBudgeted {
		p.previousLimit = debug.SetMemoryLimit(int64(bytes))
	} else {
		debug.SetMemoryLimit(int64(bytes))
	}
	debug.SetGCPercent(-1)
	p.mode = modeBudgeted
	p.watch()
}

// Stop restores the settings Relax and Budget found, unless the user set
// $GOGC.
func (p *Pacer) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mode == modeBudgeted {
		debug.SetMemoryLimit(p.previousLimit)
	}
	if p.applied {
		debug.SetGCPercent(p.previous)
	}
	p.mode = modeStopped
}
