package gcpace

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

const limit = 16 << 20

// collectUntil runs collections until the setting is want, or ten seconds
// pass.
func collectUntil(want int) int {
	deadline := time.Now().Add(10 * time.Second)
	for Percent() != want && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return Percent()
}

func TestRelaxSettlesWhenTheHeapIsLarge(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	p := Relax(400, limit, 50)
	if got := Percent(); got != 400 {
		t.Fatalf("GC percent = %d, want 400 while the heap is small", got)
	}
	runtime.GC()
	if got := Percent(); got != 400 {
		t.Fatalf("GC percent = %d after a collection of a small heap, want 400", got)
	}
	live := make([]byte, 2*limit)
	if got := collectUntil(50); got != 50 {
		t.Errorf("GC percent = %d with a %d MB live heap, want the settled 50", got, len(live)>>20)
	}
	runtime.KeepAlive(live)
	p.Stop()
	if got := Percent(); got != 100 {
		t.Errorf("GC percent = %d after Stop, want the 100 Relax found", got)
	}
}

func TestSettleAndStop(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	p := Relax(400, limit, 50)
	p.Settle()
	if got := Percent(); got != 50 {
		t.Fatalf("GC percent = %d after Settle, want 50", got)
	}
	p.Stop()
	if got := Percent(); got != 100 {
		t.Fatalf("GC percent = %d after Stop, want 100", got)
	}
	// A Pacer stopped while relaxed no longer changes the setting,
	// whatever the heap.
	Relax(400, limit, 50).Stop()
	live := make([]byte, 2*limit)
	runtime.GC()
	runtime.GC()
	runtime.KeepAlive(live)
	if got := Percent(); got != 100 {
		t.Errorf("GC percent = %d after Stop and a large heap, want 100", got)
	}
}

func TestUserGOGCWins(t *testing.T) {
	t.Setenv("GOGC", "70")
	defer debug.SetGCPercent(debug.SetGCPercent(70))
	p := Relax(400, limit, 50)
	if got := Percent(); got != 70 {
		t.Fatalf("with GOGC=70, GC percent = %d after Relax, want 70", got)
	}
	p.Settle()
	p.Stop()
	if got := Percent(); got != 70 {
		t.Fatalf("with GOGC=70, GC percent = %d after Settle and Stop, want 70", got)
	}
}
