package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Garbage collection settings for vet mode. go vet starts one short process
// per package whose heap (mostly the export data of its imports) is
// typically a few megabytes; the runtime's default (GOGC=100, starting from a
// 4 MB goal) collects several times in each, for garbage the process would
// simply have dropped on exit. vetGCPercent lets the heap grow further
// between collections while it is small, and the collector returns to the
// default once the live heap passes vetGCLiveLimit, so a package with huge
// dependencies costs no more memory than with the default.
const (
	vetGCPercent   = 400
	vetGCLiveLimit = 32 << 20 // bytes
)

// tuneGCForVet applies the vet-mode settings unless the user set GOGC.
func tuneGCForVet() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(vetGCPercent)
	watchLiveHeap()
}

// watchLiveHeap runs after each collection (a finalizer on an unreachable
// object runs after the cycle that found it) and restores the default once
// the live heap is large.
func watchLiveHeap() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > vetGCLiveLimit {
			debug.SetGCPercent(100)
			return
		}
		watchLiveHeap()
	})
}
