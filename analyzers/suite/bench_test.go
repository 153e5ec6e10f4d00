//go:build unix

package suite_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/couplingvet/couplingvet/analyzers/suite"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// BenchmarkAnalyzers times couplingvet's analyzers, and only them, on a
// monorepo written by bench/gen (COUPLINGVET_BENCH_SIZE, default small:
// about 100 packages). Loading and type-checking happen once, before the
// timer starts; each iteration runs suite.Analyzers, their prerequisites
// included, with the x/tools checker over every package, the standard
// library too, as go vet and golangci-lint do (the standalone engine runs
// them on the repository's packages only, where they do all their work).
//
// With COUPLINGVET_BENCH_TESTS set, the packages are loaded with their
// tests, as go vet and the standalone engine's -tests do: a package with
// _test.go files is analysed as its test variant ("p [p.test]"), and the
// external test packages too.
//
// Besides ns/op it reports cpu-ns/op, the process's CPU time per iteration
// (the checker runs packages in parallel, and on a busy machine CPU time is
// steadier than wall time), and diags/op, so that a change that alters
// findings shows.
func BenchmarkAnalyzers(b *testing.B) {
	size := os.Getenv("COUPLINGVET_BENCH_SIZE")
	if size == "" {
		size = "small"
	}
	dir := filepath.Join(b.TempDir(), "repo")
	gen := exec.Command("go", "run", "../../bench/gen", "-out", dir, "-size", size)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("bench/gen: %v\n%s", err, out)
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   dir,
		Env:   append(os.Environ(), "GOPROXY=off", "GOFLAGS=", "GOWORK=off"),
		Tests: os.Getenv("COUPLINGVET_BENCH_TESTS") != "",
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("the generated monorepo does not type-check")
	}
	diags := 0
	cpu := cpuTime()
	for b.Loop() {
		graph, err := checker.Analyze(suite.Analyzers(), pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		diags = 0
		for act := range graph.All() {
			if act.Err != nil {
				b.Fatalf("%s: %v", act, act.Err)
			}
			diags += len(act.Diagnostics)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(diags), "diags/op")
}

// cpuTime is the CPU time the process has used, all threads (the garbage
// collector's too): unlike ns/op, it does not grow when other processes
// compete for the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
