package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// listFields are the fields of `go list -json` the fast engine reads. Naming
// them keeps go list from computing the rest (it never compiles: no -export,
// no -compiled).
var listFields = []string{
	"ImportPath", "Name", "Dir", "GoFiles", "CgoFiles", "IgnoredGoFiles", "OtherFiles",
	"Imports", "ImportMap", "Module", "Standard", "DepOnly", "ForTest", "Match",
	"Error", "DepsErrors", "Incomplete",
}

// listedPackage is one package of `go list -json -deps` (one variant, with
// -test: "p [p.test]" and "p_test [p.test]" are packages of their own).
type listedPackage struct {
	ImportPath     string // the ID: the import path, plus " [p.test]" for test variants
	Name           string
	Dir            string
	GoFiles        []string // relative to Dir, except generated files (test mains) which are absolute
	CgoFiles       []string
	IgnoredGoFiles []string
	OtherFiles     []string
	Imports        []string          // IDs of the imported packages
	ImportMap      map[string]string // import path as written -> ID, where they differ
	Module         *analysis.Module
	Standard       bool
	DepOnly        bool
	ForTest        string
	Match          []string
	Error          *listError
	DepsErrors     []*listError
	Incomplete     bool
}

type listError struct {
	ImportStack []string
	Pos         string
	Err         string
}

func (e *listError) String() string {
	if e.Pos == "" {
		return e.Err
	}
	return e.Pos + ": " + e.Err
}

// pkgPath is the import path without the test variant's suffix.
func (p *listedPackage) pkgPath() string {
	path, _, _ := strings.Cut(p.ImportPath, " ")
	return path
}

// files returns the absolute names of the Go files to type-check: plain and
// cgo files (cgo files are type-checked with a fake "C" package).
func (p *listedPackage) files() []string {
	var out []string
	for _, list := range [][]string{p.GoFiles, p.CgoFiles} {
		for _, f := range list {
			out = append(out, p.abs(f))
		}
	}
	return out
}

func (p *listedPackage) abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(p.Dir, name)
}

// isTestMain reports whether p is a generated test main ("p.test"), which
// no one analyses.
func (p *listedPackage) isTestMain() bool {
	return p.Name == "main" && p.ForTest == "" && strings.HasSuffix(p.ImportPath, ".test")
}

// goList runs go list once over patterns with -deps in the environment
// env, returning the packages in dependency order (go list prints
// dependencies first).
func goList(ctx context.Context, opts Options, env []string, patterns []string) ([]*listedPackage, error) {
	args := []string{"list", "-e", "-json=" + strings.Join(listFields, ","), "-deps"}
	if opts.Tests {
		args = append(args, "-test")
	}
	args = append(args, "--")
	args = append(args, patterns...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("go list: %s", msg)
	}
	var out []*listedPackage
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listedPackage)
		if err := dec.Decode(p); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("go list: decoding its output: %v", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// listEnv is the environment of go list's runs: env, without the go
// command's module index unless the build cache holds this project's (see
// moduleIndexed).
//
// The index is a cache, in GOCACHE, of what go list reads from the standard
// library's and the module cache's directories (every package of every
// module the build reaches). Where it is missing, go list spends most of
// its time building and writing it: on the 1,000-package bench tree 4.8 s
// instead of 1.1 s, mostly system time; on a go-zero repository of 1,090
// packages in the closure, 2.0 s instead of 0.7 s. Once a build has written
// it, reading it makes go list 2-3x faster (that repository, with GOCACHE
// warm from go build: 0.22 s instead of 0.58 s; go list -export of its
// frontier 0.42 s instead of 0.82 s).
//
// go list also runs with a collector that collects less often
// (listGCPercent), unless env sets one.
func listEnv(env []string, gocache buildCache) []string {
	env = withListCollector(env)
	if gocache.indexed {
		return env
	}
	return withoutModuleIndex(env)
}

// listGCPercent is go list's GOGC. go list builds the package graph and
// keeps all of it to the end, so at the default GOGC=100 its collector
// marks that growing graph again and again: on the 5,000-package heavy
// bench tree go list -deps -test took 7.2-7.4 s, 5.8-6.2 s at GOGC=400
// (peak RSS 255 MB, 360-410 MB); on a go-zero repository 0.8 s either way
// (41 MB, 56 MB), below couplingvet's own peak in both.
const listGCPercent = "400"

// withListCollector sets GOGC=listGCPercent in env unless it sets GOGC or
// GOMEMLIMIT (to something: empty is unset): the user's collector
// settings win.
func withListCollector(env []string) []string {
	for _, kv := range env {
		for _, key := range []string{"GOGC=", "GOMEMLIMIT="} {
			if v, ok := strings.CutPrefix(kv, key); ok && v != "" {
				return env
			}
		}
	}
	return append(slices.Clone(env), "GOGC="+listGCPercent)
}

// withoutModuleIndex turns off the go command's module index (an
// undocumented but long-standing GODEBUG setting) unless env already says
// how to use it. go list's output is the same either way.
func withoutModuleIndex(env []string) []string {
	for i := len(env) - 1; i >= 0; i-- {
		v, ok := strings.CutPrefix(env[i], "GODEBUG=")
		if !ok {
			continue
		}
		if strings.Contains(v, "goindex=") {
			return env
		}
		out := slices.Clone(env)
		out[i] = "GODEBUG=" + strings.TrimPrefix(v+",goindex=0", ",")
		return out
	}
	return append(slices.Clone(env), "GODEBUG=goindex=0")
}

// goEnv reads the go command's settings that results depend on.
func goEnv(ctx context.Context, opts Options) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOOS", "GOARCH", "GOVERSION", "GOFLAGS", "CGO_ENABLED", "GOROOT", "GOEXPERIMENT", "GOWORK", "GOMOD", "GOMODCACHE")
	cmd.Dir = opts.Dir
	cmd.Env = opts.Env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	env := map[string]string{}
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return env, nil
}

// environ is the go command's environment for opts.
func environ(opts Options) []string {
	if opts.Env != nil {
		return opts.Env
	}
	return os.Environ()
}
