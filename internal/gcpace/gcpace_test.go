package gcpace

import (
	"math"
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

// settledWithoutUserSettings returns a settled Pacer (GOGC=50, as a cold
// run's before its budget) in a process whose user set neither GOGC nor
// GOMEMLIMIT; the test's end restores GOGC=100 and no limit.
func settledWithoutUserSettings(t *testing.T) *Pacer {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	p := Relax(400, limit, 50)
	p.Settle()
	return p
}

func TestBudgetTurnsTheCollectorOffUnderALimit(t *testing.T) {
	p := settledWithoutUserSettings(t)
	const budget = 1 << 30
	p.Budget(budget)
	if got := Percent(); got != -1 {
		t.Errorf("GC percent = %d under a budget, want -1 (off)", got)
	}
	if got := MemoryLimit(); got != budget {
		t.Errorf("memory limit = %d under a budget, want %d", got, budget)
	}
	runtime.GC() // a small live heap keeps the budget
	runtime.GC()
	if got := Percent(); got != -1 {
		t.Errorf("GC percent = %d after collecting a small heap, want -1 (off)", got)
	}
	p.Stop()
	if got, lim := Percent(), MemoryLimit(); got != 100 || lim != math.MaxInt64 {
		t.Errorf("after Stop: GC percent %d, memory limit %d; want 100 and no limit", got, lim)
	}
}

func TestBudgetTooSmallSettles(t *testing.T) {
	p := settledWithoutUserSettings(t)
	live := make([]byte, 4*limit)
	// What is live already exceeds the budget: the limit would leave the
	// heap no room at all, so the settled setting takes over, and the
	// limit Budget found comes back.
	p.Budget(2 * limit)
	if got := collectUntil(50); got != 50 {
		t.Errorf("GC percent = %d with %d MB live over a %d MB budget, want the settled 50", got, len(live)>>20, 2*limit>>20)
	}
	if got := MemoryLimit(); got != math.MaxInt64 {
		t.Errorf("memory limit = %d after settling, want none (the limit Budget found)", got)
	}
	runtime.KeepAlive(live)
	p.Stop()
}

func TestUserSettingsWinOverBudget(t *testing.T) {
	for _, env := range []struct{ gogc, memlimit string }{{"70", ""}, {"", "1GiB"}} {
		t.Run("GOGC="+env.gogc+",GOMEMLIMIT="+env.memlimit, func(t *testing.T) {
			t.Setenv("GOGC", env.gogc)
			t.Setenv("GOMEMLIMIT", env.memlimit)
			defer debug.SetGCPercent(debug.SetGCPercent(100))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
			p := Relax(400, limit, 50)
			percent := Percent()
			p.Budget(1 << 30)
			if got := Percent(); got != percent {
				t.Errorf("GC percent = %d after Budget, want %d", got, percent)
			}
			if got := MemoryLimit(); got != math.MaxInt64 {
				t.Errorf("memory limit = %d after Budget, want it untouched", got)
			}
			p.Stop()
		})
	}
}
