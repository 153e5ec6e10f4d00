package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/deploy"
	"github.com/couplingvet/couplingvet/engine"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// vetMain speaks go vet's unitchecker protocol.
func vetMain() {
	servicemap.RegisterFlags(flag.CommandLine)
	servicemap.DiskCache = mapDiskCache()
	servicemap.DeployCache = deployRunCache(os.Args[1:], servicemap.DiskCache)
	servicemap.ScanCache = scanCache()
	tuneGCForVet()
	// unitchecker registers its own -V only when none exists: ours puts the
	// map's digest into the tool ID.
	flag.Var(versionFlag{}, "V", "print version and exit")
	unitchecker.Main(suite.Analyzers()...)
}

// mapDiskCache keeps the loaded map between go vet's per-package processes,
// under the result cache's directory (so COUPLINGVET_CACHE=off turns it off
// too). Entries are salted with this executable's path, size and time and
// its build information (version, VCS revision), so a rebuilt couplingvet
// never reads its predecessor's entries. (Hashing the executable, as -V=full
// does once per go vet run, would cost each process more than the map.)
func mapDiskCache() *boundaries.DiskCache {
	dir, salt := engine.DefaultCacheDir(), toolSalt()
	if dir == "" || salt == "" {
		return nil
	}
	return &boundaries.DiskCache{Dir: filepath.Join(dir, "maps"), Salt: salt}
}

// scanCache keeps the loader calls found in the repository's Go files
// between runs (deploy.ScanCache), under the result cache's directory and
// salted like the map cache.
func scanCache() *deploy.ScanCache {
	dir, salt := engine.DefaultCacheDir(), toolSalt()
	if dir == "" || salt == "" {
		return nil
	}
	return &deploy.ScanCache{Dir: filepath.Join(dir, "scans"), Salt: salt}
}

// toolSalt identifies this executable for the disk caches: "" when it
// cannot tell.
func toolSalt() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s\x00%d\x00%d\x00%s", exe, info.Size(), info.ModTime().UnixNano(), buildIdentity())
}

// deployRunCache shares the deploy tree between the per-package processes
// of one go vet run, in the run's work directory: go vet passes each
// process $WORK/bNNN/vet.cfg, and removes $WORK when it exits. Anything
// else (no vet.cfg, a directory not made by the go command) gets no cache:
// the process reads the files itself. Entries are salted like the map
// cache's; without one (COUPLINGVET_CACHE=off) the tree is not shared.
func deployRunCache(args []string, maps *boundaries.DiskCache) *deploy.RunCache {
	if len(args) == 0 || maps == nil {
		return nil
	}
	cfg := args[len(args)-1]
	if filepath.Base(cfg) != "vet.cfg" {
		return nil
	}
	work := filepath.Dir(filepath.Dir(cfg))
	if !strings.HasPrefix(filepath.Base(work), "go-build") || !filepath.IsAbs(work) {
		return nil
	}
	return &deploy.RunCache{Dir: work, Salt: maps.Salt}
}

// buildIdentity is what the binary knows of its own build: Go version, module
// version and the VCS revision and state it was built from.
func buildIdentity() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	id := bi.GoVersion + " " + bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
			id += " " + s.Value
		}
	}
	return id
}

// versionFlag answers go vet's -V=full.
//
// go vet caches each package's result under an action ID that includes the
// tool's ID, and takes the tool ID from the last field of the line printed
// for -V=full ("NAME version devel ... buildID=ID"; see toolID in
// cmd/go/internal/work/buildid.go). It knows nothing of the files the tool
// reads, so a tool ID made from the executable alone would let an edited
// map replay stale results. The ID therefore combines the executable's
// digest with the digest of the map that governs the directory go vet runs
// in (which is where it asks for -V=full).
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	if s != "full" && s != "true" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	line, err := versionLine()
	if err != nil {
		fmt.Fprintln(os.Stderr, "couplingvet:", err)
		os.Exit(2)
	}
	fmt.Println(line)
	os.Exit(0)
	return nil
}

// versionLine is the -V=full answer:
//
//	couplingvet version devel couplingvet@v1.2.3 map=ab12cd34ef56 buildID=<exe digest><map digest>
//
// The buildID has no "/" so that go vet uses all of it as the content ID.
func versionLine() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	exeDigest, err := fileDigest(exe)
	if err != nil {
		return "", err
	}
	mapDigest := mapDigestHere()
	return fmt.Sprintf("%s version devel couplingvet@%s map=%s buildID=%s%s",
		filepath.Base(exe), moduleVersion(), mapDigest[:12], exeDigest[:32], mapDigest[:32]), nil
}

// mapDigestHere digests the map that governs the current directory and the
// deploy and config files below its root, taking
// -config and COUPLINGVET_CONFIG into account like the analyzers do, and
// the map's path, so that pointing at another map also changes the ID. A
// missing or unreadable map has a digest too: creating one must change it.
func mapDigestHere() string {
	path := configFromArgs(os.Args[1:])
	if path == "" {
		path = os.Getenv(servicemap.EnvConfig)
	}
	if path == "" {
		if wd, err := os.Getwd(); err == nil {
			path, _ = boundaries.Find(wd)
		}
	}
	h := sha256.New()
	if path == "" {
		io.WriteString(h, "no map")
	} else {
		abs, _ := filepath.Abs(path)
		io.WriteString(h, abs+"\x00")
		data, err := os.ReadFile(abs)
		if err != nil {
			io.WriteString(h, "unreadable: "+err.Error())
		}
		h.Write(data)
		// The deploy and config files give env and config values theirs:
		// editing them changes results too.
		if m, err := boundaries.Load(abs); err == nil {
			io.WriteString(h, "\x00deploy="+servicemap.DeployDigest(m))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// configFromArgs finds -config in args; go vet itself never passes it with
// -V=full, but a user asking by hand may.
func configFromArgs(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "config" || !strings.HasPrefix(a, "-") {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
