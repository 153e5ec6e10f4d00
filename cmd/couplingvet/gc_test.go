package main

import (
	"runtime/debug"
	"testing"

	"github.com/couplingvet/couplingvet/internal/gcpace"
)

// TestTuneGCForVet checks the wiring; internal/gcpace tests the settling.
func TestTuneGCForVet(t *testing.T) {
	defer debug.SetGCPercent(gcpace.Percent())

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	tuneGCForVet()
	if got := gcpace.Percent(); got != 50 {
		t.Fatalf("with GOGC set, GC percent = %d, want the user's 50", got)
	}

	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	tuneGCForVet()
	if got := gcpace.Percent(); got != vetGCPercent {
		t.Fatalf("GC percent = %d, want %d while the heap is small", got, vetGCPercent)
	}
}
