// Package gcpace lets a short-lived process collect garbage less often
// while its heap is small.
//
// The runtime's default (GOGC=100, from a 4 MB goal) collects many times in
// a process that lives for a second and builds a few tens of megabytes that
// stay live to its end: each collection finds little garbage, and the
// process would have dropped it all on exit anyway. Relax raises GOGC while
// the live heap is small and settles it once a collection finds the heap
// large, so a process that turns out to do a lot of work keeps the memory
// bound it would have had without Relax.
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
	active   bool // relaxed, and watching the live heap
	previous int  // the setting Relax found
	settled  int
	limit    uint64
}

// Relax sets GOGC to relaxed until a collection finds more than liveLimit
// bytes live, then to settled. It does nothing (and neither do the
// Pacer's methods) when the user set $GOGC: their setting wins.
func Relax(relaxed int, liveLimit uint64, settled int) *Pacer {
	p := &Pacer{settled: settled, limit: liveLimit}
	if os.Getenv("GOGC") != "" {
		return p
	}
	p.applied, p.active = true, true
	p.previous = debug.SetGCPercent(relaxed)
	p.watch()
	return p
}

// watch runs after each collection (a finalizer on an unreachable object
// runs after the cycle that found it) until the live heap is large or the
// Pacer is stopped.
func (p *Pacer) watch() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if !p.active {
			return
		}
		if liveHeap() > p.limit {
			debug.SetGCPercent(p.settled)
			p.active = false
			return
		}
		p.watch()
	})
}

func liveHeap() uint64 { return readMetric("/gc/heap/live:bytes") }

// Percent returns the collector's current setting (GOGC) without changing
// it, as debug.SetGCPercent would to read it.
func Percent() int { return int(readMetric("/gc/gogc:percent")) }

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
	if p.active {
		debug.SetGCPercent(p.settled)
		p.active = false
	}
}

// Stop restores the setting Relax found, unless the user set $GOGC.
func (p *Pacer) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.applied {
		debug.SetGCPercent(p.previous)
	}
	p.active = false
}
