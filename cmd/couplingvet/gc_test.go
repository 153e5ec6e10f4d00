package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcPercent reads the current setting without changing it (setting it to
// read it would race with the watcher's finalizer).
func gcPercent() int {
	sample := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(sample)
	return int(sample[0].Value.Uint64())
}

func TestTuneGCForVet(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	tuneGCForVet()
	if got := gcPercent(); got != 50 {
		t.Fatalf("with GOGC set, GC percent = %d, want the user's 50", got)
	}

	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	tuneGCForVet()
	if got := gcPercent(); got != vetGCPercent {
		t.Fatalf("GC percent = %d, want %d while the heap is small", got, vetGCPercent)
	}
	// A live heap past the limit brings the default back after a collection.
	live := make([]byte, 2*vetGCLiveLimit)
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 100 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(live)
	if got := gcPercent(); got != 100 {
		t.Errorf("GC percent = %d with a %d MB live heap, want the default 100", got, len(live)>>20)
	}
}
