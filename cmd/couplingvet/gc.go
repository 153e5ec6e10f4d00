package main

import "github.com/couplingvet/couplingvet/internal/gcpace"

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
	gcpace.Relax(vetGCPercent, vetGCLiveLimit, 100)
}
