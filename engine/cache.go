package engine

// The result cache. Each analysed package's outcome (diagnostics with
// resolved positions, results of the requested analyzers, errors, and the
// facts it exported, keyed by objectpath) is kept under a key that hashes
// everything it depends on: the contents of its files, what its
// dependencies show their importers (ifaceOf), the tool, the caller's key
// (the boundary map's digest, analyzer settings) and the go command's
// settings. A run analyses only the packages whose key has no outcome; it
// type-checks (without bodies) just the packages those need, and takes the
// facts of unchanged dependencies from their outcomes. A run in which
// nothing changed type-checks nothing. Outcomes live in the invocation's
// snapshot (one file: thousands of small files cost more to write than the
// analysis they save); packages outside the repository keep export data of
// their own, shared by all invocations.
//
// A snapshot per invocation (directory, patterns, settings) records the
// package graph go list returned, with the size, modification time and
// content hash of every file of the repository's packages and the
// modification time of every directory that held them. When every
// directory, go.mod, go.sum, go.work and the go command itself are
// unchanged, and every changed Go file kept its header (package clause,
// build constraints, imports), the graph cannot have changed and the run
// does not start the go command at all.

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/couplingvet/couplingvet/internal/atomicfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/types/objectpath"
)

// cacheFormat changes whenever what the cache stores changes shape.
const cacheFormat = "couplingvet-engine-cache-6"

// EnvCache is the environment variable that moves the result cache; "off"
// disables it.
const EnvCache = "COUPLINGVET_CACHE"

// DefaultCacheDir is where results are cached unless the caller says
// otherwise: $COUPLINGVET_CACHE, else couplingvet under the user's cache
// directory. It returns "" (no cache) when $COUPLINGVET_CACHE is "off" or
// there is no user cache directory.
func DefaultCacheDir() string {
	if dir := os.Getenv(EnvCache); dir != "" {
		if dir == "off" {
			return ""
		}
		return dir
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "couplingvet")
}

type hash [sha256.Size]byte

// MarshalBinary and UnmarshalBinary make gob write a hash as a byte
// string: it encodes an array a byte at a time, and decoding the file
// stamps' and outcomes' hashes that way was a seventh of a warm run's CPU
// on the 5,000-package bench tree.
func (h hash) MarshalBinary() ([]byte, error) { return h[:], nil }

func (h *hash) UnmarshalBinary(data []byte) error {
	if len(data) != len(h) {
		return fmt.Errorf("a hash of %d bytes, want %d", len(data), len(h))
	}
	copy(h[:], data)
	return nil
}

// A fileStamp identifies one file's contents.
type fileStamp struct {
	Name    string
	Size    int64
	ModTime int64 // ns
	Hash    hash  // of the contents
	Header  hash  // of the package clause, build constraints and imports (Go files)
	Racy    bool  // modified too close to when it was hashed to trust its time
}

// A snapshot is what one invocation saw: the package graph and the stamps
// that prove it unchanged.
type snapshot struct {
	Format string
	Listed []*listedPackage
	GoEnv  map[string]string
	Files  []fileStamp // files of the repository's (and other local) packages
	Dirs   []fileStamp // their directories (ModTime only)
	Others []fileStamp // go.mod, go.sum, go.work, the go command (Size, ModTime)
	// Modules are the Go files and directories of the packages in the
	// module cache (Size, ModTime): read-only, and keyed by module
	// version, but a user debugging a dependency may edit it all the same.
	Modules []fileStamp
	// Outcomes of the repository's packages by ID, so that a run that
	// finds the same keys reads no entry files.
	Outcomes map[string]storedOutcome
	// DepErrors are the type errors of dependencies, by ID, under the key
	// they were found with: a run that does not type-check them again
	// reports them all the same while the key holds.
	DepErrors map[string]storedDepErrors
	// OutsideKeys are the keys of the packages outside the repository
	// whose closure is neither local nor the repository's, in the order of
	// Listed (zero for the others), all written after OutsideKeysPrefix,
	// a digest of keyPrefix (see keyOutside). One byte slice: gob decodes
	// a slice of arrays a byte at a time.
	OutsideKeys, OutsideKeysPrefix []byte

	byName map[string]*fileStamp
	dirty  bool // changed since read: write it back
}

// storedDepErrors are a dependency's type errors (Result.DependencyErrors).
type storedDepErrors struct {
	Key    hash
	Path   string
	Errors []string
}

type storedOutcome struct {
	Key   hash
	Entry *entry
}

// cacheConfig says where and under what key results are cached.
type cacheConfig struct {
	dir string // "" disables the cache
	key string // the caller's part of every key
}

// toolID identifies this binary: results of another build are never used.
var toolID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%s %d %d %s", exe, fi.Size(), fi.ModTime().UnixNano(), runtime.Version())
})

// runKey names the snapshot of an invocation.
func runKey(opts Options, cfg cacheConfig, patterns []string, analyzers []*analysis.Analyzer) string {
	h := sha256.New()
	dir, _ := filepath.Abs(cmpOr(opts.Dir, "."))
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%q\x00%v\x00", cacheFormat, toolID(), cfg.key, dir, patterns, opts.Tests)
	for _, a := range analyzers {
		fmt.Fprintf(h, "%s\x00", a.Name)
	}
	var env []string
	for _, kv := range environ(opts) {
		if strings.HasPrefix(kv, "GO") || strings.HasPrefix(kv, "CGO_") || strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "XDG_CONFIG_HOME=") {
			env = append(env, kv)
		}
	}
	sort.Strings(env)
	fmt.Fprintf(h, "%q", env)
	return hex.EncodeToString(h.Sum(nil))
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (cfg cacheConfig) snapshotPath(key string) string {
	return filepath.Join(cfg.dir, "runs", key)
}

// readSnapshot returns the invocation's snapshot if the package graph it
// records is still the one go list would return, with the stamps of
// changed files updated. Otherwise it returns nil and the snapshot as it
// was (if there is one), whose outcomes stay good for every package whose
// key is the same.
func readSnapshot(cfg cacheConfig, key string) (fresh, stale *snapshot) {
	data, err := os.ReadFile(cfg.snapshotPath(key))
	if err != nil {
		return nil, nil
	}
	snap := new(snapshot)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(snap); err != nil || snap.Format != cacheFormat {
		return nil, nil
	}
	if !snap.unchanged() {
		return nil, snap
	}
	snap.index()
	return snap, nil
}

// unchanged stats everything the snapshot depends on, in parallel, and
// re-hashes Go files whose stamps changed. It reports false when the
// package graph may have changed.
func (snap *snapshot) unchanged() bool {
	for _, st := range snap.Others {
		if !sameStat(st) {
			return false
		}
	}
	ok := parallel(len(snap.Dirs), func(i int) bool {
		fi, err := os.Stat(snap.Dirs[i].Name)
		return err == nil && fi.ModTime().UnixNano() == snap.Dirs[i].ModTime
	}) && parallel(len(snap.Modules), func(i int) bool { return sameStat(snap.Modules[i]) })
	if !ok {
		return false
	}
	var mu sync.Mutex
	return parallel(len(snap.Files), func(i int) bool {
		st := &snap.Files[i]
		fi, err := os.Stat(st.Name)
		if err != nil {
			return false
		}
		if !st.Racy && fi.Size() == st.Size && fi.ModTime().UnixNano() == st.ModTime {
			return true
		}
		fresh, err := stampFile(st.Name, fi, strings.HasSuffix(st.Name, ".go"))
		if err != nil || fresh.Header != st.Header {
			return false
		}
		if fresh != *st {
			*st = fresh
			mu.Lock()
			snap.dirty = true
			mu.Unlock()
		}
		return true
	})
}

func sameStat(st fileStamp) bool {
	fi, err := os.Stat(st.Name)
	if err != nil {
		return st.Size == -1 // recorded as absent
	}
	return fi.Size() == st.Size && fi.ModTime().UnixNano() == st.ModTime
}

// parallel runs check(0..n-1) over GOMAXPROCS×4 goroutines (they mostly
// wait for the file system) and reports whether all returned true.
func parallel(n int, check func(i int) bool) bool {
	workers := min(n, runtime.GOMAXPROCS(0)*4)
	var (
		wg   sync.WaitGroup
		next = make(chan int)
		bad  = make(chan struct{})
		once sync.Once
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if !check(i) {
					once.Do(func() { close(bad) })
				}
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-bad:
			break feed
		}
	}
	close(next)
	wg.Wait()
	select {
	case <-bad:
		return false
	default:
		return true
	}
}

// stampFile reads and hashes one file. A file modified within the last
// two seconds is racy: a later change within the same tick of its clock
// would keep its time, so the next run re-hashes it.
func stampFile(name string, fi fs.FileInfo, goFile bool) (fileStamp, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return fileStamp{}, err
	}
	st := fileStamp{
		Name:    name,
		Size:    fi.Size(),
		ModTime: fi.ModTime().UnixNano(),
		Hash:    sha256.Sum256(src),
		Racy:    time.Since(fi.ModTime()) < 2*time.Second,
	}
	if int64(len(src)) != st.Size {
		st.Racy = true
	}
	if goFile {
		st.Header = headerHash(name, src)
	}
	return st, nil
}

// headerHash hashes what go list reads of a Go file: everything up to the
// end of its imports (build constraints, package clause, cgo preamble).
func headerHash(name string, src []byte) hash {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil || f == nil {
		return sha256.Sum256(src) // unparsable: any change is a header change
	}
	end := f.Name.End()
	for _, d := range f.Decls {
		end = max(end, d.End())
	}
	off := int(end) - 1 // the file set's base is 1
	if off < 0 || off > len(src) {
		off = len(src)
	}
	return sha256.Sum256(src[:off])
}

func (snap *snapshot) index() {
	snap.byName = map[string]*fileStamp{}
	for i := range snap.Files {
		snap.byName[snap.Files[i].Name] = &snap.Files[i]
	}
	for i := range snap.Modules {
		snap.byName[snap.Modules[i].Name] = &snap.Modules[i]
	}
}

// newSnapshot stamps the files and directories of the listed packages that
// do not live in the module cache or GOROOT.
func newSnapshot(listed []*listedPackage, env map[string]string, patterns []string, dir string) (*snapshot, error) {
	snap := &snapshot{Format: cacheFormat, Listed: listed, GoEnv: env, dirty: true}
	files := map[string]bool{}
	dirs := map[string]bool{}
	mainDirs := map[string]bool{}
	var modules []string // in the module cache
	for _, lp := range listed {
		if !isLocal(lp, env) {
			if !lp.Standard && lp.Dir != "" {
				modules = append(append(modules, lp.Dir), lp.files()...)
			}
			continue
		}
		dirs[lp.Dir] = true
		for _, list := range [][]string{lp.GoFiles, lp.CgoFiles, lp.IgnoredGoFiles, lp.OtherFiles} {
			for _, f := range list {
				if name := lp.abs(f); within(lp.Dir, name) {
					files[name] = true
				}
			}
		}
		if m := lp.Module; m != nil && m.Dir != "" {
			mainDirs[m.Dir] = true
			if m.GoMod != "" {
				files[m.GoMod] = false
			}
		}
	}
	// A new package anywhere under a module shows as a changed directory.
	for d := range mainDirs {
		filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil || !e.IsDir() {
				return nil
			}
			base := e.Name()
			if path != d && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || base == "testdata") {
				return filepath.SkipDir
			}
			if path != d && fileExists(filepath.Join(path, "go.mod")) {
				return filepath.SkipDir // another module: its own go.mod is watched if it matters
			}
			dirs[path] = true
			return nil
		})
		for _, name := range []string{"go.mod", "go.sum", "go.work", "go.work.sum"} {
			files[filepath.Join(d, name)] = false
		}
	}
	if w := env["GOWORK"]; w != "" && w != "off" {
		files[w] = false
		files[w+".sum"] = false
	}
	// The go command itself, and the parents of the directory the patterns
	// are resolved in (a go.work or go.mod may appear there).
	if goCmd, err := exec.LookPath("go"); err == nil {
		files[goCmd] = false
	}
	if f := goEnvFile(); f != "" {
		files[f] = false // go env -w settings (GOFLAGS=-tags=..., GOEXPERIMENT, ...)
	}
	for d := dir; ; d = filepath.Dir(d) {
		for _, name := range []string{"go.mod", "go.work"} {
			files[filepath.Join(d, name)] = false
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	var goFiles []string
	for name, isSource := range files {
		if isSource {
			goFiles = append(goFiles, name)
		} else {
			snap.Others = append(snap.Others, statStamp(name))
		}
	}
	slices.Sort(goFiles)
	snap.Files = make([]fileStamp, len(goFiles))
	var firstErr error
	var mu sync.Mutex
	parallel(len(goFiles), func(i int) bool {
		fi, err := os.Stat(goFiles[i])
		if err == nil {
			snap.Files[i], err = stampFile(goFiles[i], fi, strings.HasSuffix(goFiles[i], ".go"))
		}
		if err != nil {
			mu.Lock()
			firstErr = cmp2(firstErr, err)
			mu.Unlock()
			snap.Files[i] = fileStamp{Name: goFiles[i], Racy: true}
		}
		return true
	})
	for d := range dirs {
		st := statStamp(d)
		snap.Dirs = append(snap.Dirs, st)
	}
	slices.Sort(modules)
	modules = slices.Compact(modules) // test variants list a package's files again
	snap.Modules = make([]fileStamp, len(modules))
	parallel(len(modules), func(i int) bool {
		snap.Modules[i] = statStamp(modules[i])
		return true
	})
	slices.SortFunc(snap.Others, func(a, b fileStamp) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(snap.Dirs, func(a, b fileStamp) int { return strings.Compare(a.Name, b.Name) })
	snap.index()
	return snap, firstErr
}

func cmp2(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// goEnvFile is the file go env -w writes: $GOENV, else go/env under the
// user's configuration directory.
func goEnvFile() string {
	if f := os.Getenv("GOENV"); f != "" {
		if f == "off" {
			return ""
		}
		return f
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "go", "env")
}

// statStamp records a file's size and time; an absent file has size -1.
func statStamp(name string) fileStamp {
	fi, err := os.Stat(name)
	if err != nil {
		return fileStamp{Name: name, Size: -1}
	}
	return fileStamp{Name: name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// isLocal reports whether lp's files may change: not the standard library,
// not the (read-only) module cache.
func isLocal(lp *listedPackage, env map[string]string) bool {
	if lp.Standard || lp.Dir == "" {
		return false
	}
	if mc := env["GOMODCACHE"]; mc != "" && within(mc, lp.Dir) {
		return false
	}
	return true
}

// recordOutcomes puts this run's outcomes in the snapshot, marking it
// dirty when they differ from what it held.
func (r *fastRun) recordOutcomes() {
	outcomes := map[string]storedOutcome{}
	for _, n := range r.nodes {
		e := n.entry
		if n.stored != nil { // analysed, or borrowed, in this run
			e = n.stored
		}
		if !n.repo || e == nil {
			continue
		}
		if old, ok := r.snap.Outcomes[n.id]; !ok || old.Key != n.key {
			r.snap.dirty = true
		}
		outcomes[n.id] = storedOutcome{Key: n.key, Entry: e}
	}
	if len(outcomes) != len(r.snap.Outcomes) {
		r.snap.dirty = true
	}
	r.snap.Outcomes = outcomes
}

func (cfg cacheConfig) writeSnapshot(key string, snap *snapshot) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(snap); err != nil {
		return err
	}
	return writeAtomic(cfg.snapshotPath(key), buf.Bytes())
}

func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(name, data, 0o600)
}

// An entry is one package's cached outcome.
type entry struct {
	Iface    hash // what importers observe (ifaceOf)
	Borrowed bool // the outcome is the test variant's (borrow.go): no diagnostics or results
	Errors   []string
	IllTyped bool
	Actions  []cachedAction // one per analyzer, requested and required
	Facts    []cachedFact
}

type cachedAction struct {
	Analyzer  string
	Err       string // "" when it succeeded
	HasResult bool
	Empty     bool   // the result is a pointer to a zero value (no gob needed)
	Result    []byte // gob of the result of a requested analyzer
	Diags     []Diagnostic
}

type cachedFact struct {
	Analyzer string
	Type     string // the fact's Go type, as %T prints it
	Object   objectpath.Path
	Package  bool // a package fact (Object is empty)
	Data     []byte
	Canon    hash // of a canonical encoding (canonicalHash), for ifaceOf
}

// canonicalHash hashes a fact the same way in every process: gob's bytes
// carry type numbers that depend on what the process encoded before, so
// JSON (which sorts map keys) is used where it can encode the fact.
func canonicalHash(fact analysis.Fact, gobData []byte) hash {
	if data, err := json.Marshal(fact); err == nil {
		return sha256.Sum256(append([]byte("json "), data...))
	}
	return sha256.Sum256(append([]byte("gob "), gobData...))
}

// errNotCachable marks an outcome that cannot be stored (a result or fact
// gob cannot encode, a fact on an object no objectpath names).
var errNotCachable = errors.New("not cachable")

// keyOf computes the package's cache key from its files and its
// dependencies' ifaces (they are done).
func (r *fastRun) keyOf(n *node) hash {
	h := sha256.New()
	h.Write(r.keyPrefix())
	lp := n.lp
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%v\x00%v\x00", n.id, lp.Name, lp.Dir, n.repo, lp.Standard)
	if m := lp.Module; m != nil {
		fmt.Fprintf(h, "mod %s %s %s %s %v\x00", m.Path, m.Version, m.GoVersion, m.Dir, m.Main)
	}
	if lp.Error != nil {
		fmt.Fprintf(h, "error %s\x00", listErrorText(lp.Error))
	}
	local := isLocal(lp, r.snap.GoEnv)
	for _, list := range [][]string{lp.GoFiles, lp.CgoFiles, lp.IgnoredGoFiles, lp.OtherFiles} {
		for _, f := range list {
			name := lp.abs(f)
			fmt.Fprintf(h, "file %s\x00", name)
			if st := r.snap.byName[name]; local && st != nil {
				h.Write(st.Hash[:])
			} else if st != nil {
				fmt.Fprintf(h, "stat %d %d\x00", st.Size, st.ModTime) // in the module cache: edited, it changes
			} else if local {
				// Not stamped (a file outside the package's directory):
				// never reused.
				fmt.Fprintf(h, "unstamped %d\x00", time.Now().UnixNano())
			}
		}
	}
	var keys []string
	for path, id := range lp.ImportMap {
		keys = append(keys, path+"="+id)
	}
	sort.Strings(keys)
	fmt.Fprintf(h, "%q\x00", keys)
	deps := slices.Clone(n.deps)
	slices.SortFunc(deps, func(a, b *node) int { return strings.Compare(a.id, b.id) })
	for _, d := range deps {
		fmt.Fprintf(h, "dep %s ", d.id)
		h.Write(d.iface[:])
	}
	if t := n.testVariant; t != nil {
		fmt.Fprintf(h, "tests %s ", t.id) // its analysis may be borrowed
		h.Write(t.iface[:])
	}
	var k hash
	copy(k[:], h.Sum(nil))
	return k
}

// keyPrefix is what every key of the run starts with: the cache's format,
// this binary, the caller's key, the analyzers and the go command's
// settings. Written once, not for each of a thousand packages.
func (r *fastRun) keyPrefix() []byte {
	r.keyPrefixOnce.Do(func() {
		var b bytes.Buffer
		fmt.Fprintf(&b, "%s\x00%s\x00%s\x00", cacheFormat, toolID(), r.cache.key)
		for _, a := range r.analyzers {
			fmt.Fprintf(&b, "%s%v\x00", a.Name, r.roots[a])
		}
		for _, k := range []string{"GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOROOT"} {
			fmt.Fprintf(&b, "%s=%s\x00", k, r.snap.GoEnv[k])
		}
		r.keyPrefixBytes = b.Bytes()
	})
	return r.keyPrefixBytes
}

// readEntry returns n's cached outcome, if the snapshot holds one under
// n's key.
func (r *fastRun) readEntry(n *node) *entry {
	if o, ok := r.snap.Outcomes[n.id]; ok && o.Key == n.key && o.Entry != nil && len(o.Entry.Actions) == len(r.analyzers) && o.Entry.Borrowed == n.borrowed {
		return o.Entry
	}
	return nil
}

// ifaceOf hashes what importers of a freshly analysed package can observe:
// its API (exported objects, every type, as unexported types may show
// through exported ones, with all methods; positions left out), the facts
// it exports, and its errors.
func ifaceOf(n *node, e *entry) hash {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%v\x00", n.id, n.pkg.Name(), e.IllTyped)
	qual := types.RelativeTo(n.pkg)
	scope := n.pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if _, isType := obj.(*types.TypeName); !isType && !obj.Exported() {
			continue
		}
		fmt.Fprintf(h, "%s\x00", types.ObjectString(obj, qual))
		if tn, ok := obj.(*types.TypeName); ok {
			if named, ok := tn.Type().(*types.Named); ok {
				for i := range named.NumMethods() {
					fmt.Fprintf(h, "%s\x00", types.ObjectString(named.Method(i), qual))
				}
			}
		}
	}
	for _, a := range e.Actions {
		fmt.Fprintf(h, "%s %s\x00", a.Analyzer, a.Err)
	}
	facts := slices.Clone(e.Facts)
	slices.SortFunc(facts, func(a, b cachedFact) int {
		return cmpStrings(a.Analyzer+" "+a.Type+" "+string(a.Object), b.Analyzer+" "+b.Type+" "+string(b.Object))
	})
	for _, f := range facts {
		fmt.Fprintf(h, "fact %s %s %s %v ", f.Analyzer, f.Type, f.Object, f.Package)
		h.Write(f.Canon[:])
	}
	var k hash
	copy(k[:], h.Sum(nil))
	return k
}

func cmpStrings(a, b string) int { return strings.Compare(a, b) }

// encodeEntry turns a freshly analysed package's outcome into an entry.
func (r *fastRun) encodeEntry(n *node) (*entry, error) {
	e := &entry{Borrowed: n.borrowed, Errors: sortedUnique(n.errs), IllTyped: n.illTyped}
	pkg := &Package{Path: n.lp.pkgPath()}
	for _, a := range r.analyzers {
		act := n.actions[a]
		ca := cachedAction{Analyzer: a.Name}
		if act.err != nil {
			ca.Err = act.err.Error()
		}
		if r.roots[a] {
			if act.err == nil && a.ResultType != nil && isEmpty(act.result) {
				ca.HasResult, ca.Empty = true, true
			} else if act.err == nil && a.ResultType != nil && !isNil(act.result) {
				var buf bytes.Buffer
				if err := gob.NewEncoder(&buf).Encode(act.result); err != nil {
					return nil, errNotCachable
				}
				ca.HasResult, ca.Result = true, buf.Bytes()
			}
			for _, d := range act.diags {
				diag := resolve(r.fset, a, pkg, d)
				if len(d.SuggestedFixes) > 0 || len(d.Related) > 0 {
					return nil, errNotCachable // not kept: positions would be meaningless
				}
				diag.Raw = analysis.Diagnostic{Category: d.Category, Message: d.Message, URL: d.URL}
				ca.Diags = append(ca.Diags, diag)
			}
		}
		e.Actions = append(e.Actions, ca)
	}
	for _, x := range namedFacts(n) {
		cf := cachedFact{Analyzer: x.analyzer.Name, Type: fmt.Sprintf("%T", x.fact), Object: x.object, Package: x.object == ""}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(x.fact); err != nil {
			return nil, errNotCachable
		}
		cf.Data = buf.Bytes()
		cf.Canon = canonicalHash(x.fact, cf.Data)
		e.Facts = append(e.Facts, cf)
	}
	return e, nil
}

// isEmpty reports whether v is a non-nil pointer to a zero value.
func isEmpty(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().IsZero()
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface, reflect.Func, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// writeEntry keeps n's outcome for the snapshot and sets n.iface. An outcome that cannot
// be stored gets an iface no later run can match, so its importers are not
// taken from the cache either.
func (r *fastRun) writeEntry(n *node) {
	e, err := r.encodeEntry(n)
	if err != nil {
		n.iface = sha256.Sum256(fmt.Appendf(nil, "uncachable %s %d", n.id, time.Now().UnixNano()))
		return
	}
	e.Iface = n.key // a borrowing package no importer needs is not type-checked, and its iface is read by no one
	if n.pkg != nil {
		e.Iface = ifaceOf(n, e)
	}
	n.iface = e.Iface
	n.stored = e
}

// importFacts makes a cached package's facts available to its importers:
// n has been type-checked (without bodies), so objectpath finds the
// objects the facts are about.
func (r *fastRun) importFacts(n *node) {
	r.setFacts(n, r.decodeFacts(n.entry.Facts))
}

// outcome returns the action of analyzer a on n as the checker would have
// it: from this run, or decoded from n's entry.
func (r *fastRun) cachedOutcome(n *node, a *analysis.Analyzer, i int) (result any, err error, diags []Diagnostic) {
	ca := n.entry.Actions[i]
	if ca.Err != "" {
		return nil, errors.New(ca.Err), ca.Diags
	}
	if ca.HasResult && ca.Empty {
		return reflect.New(a.ResultType.Elem()).Interface(), nil, ca.Diags
	}
	if ca.HasResult {
		ptr := reflect.New(a.ResultType)
		if derr := gob.NewDecoder(bytes.NewReader(ca.Result)).Decode(ptr.Interface()); derr != nil {
			return nil, fmt.Errorf("decoding cached result: %v", derr), ca.Diags
		}
		return ptr.Elem().Interface(), nil, ca.Diags
	}
	if a.ResultType != nil {
		return reflect.Zero(a.ResultType).Interface(), nil, ca.Diags
	}
	return nil, nil, ca.Diags
}

// Export data. The packages outside the repository (the standard library,
// module dependencies) are type-checked without bodies when an analysed
// package needs them. Of those, the frontier (packages a repository
// package imports directly) have their types stored as export data under
// their key, so that a later run that re-analyses a few packages (a
// one-file edit) reads the frontier instead of type-checking the whole
// closure again. Export data is deep: a frontier package's carries every
// declaration of its dependencies that its API reaches, so the rest of
// the closure is never needed. Writing it for every dependency, as an
// earlier version did, was half of a cold run's CPU time on a go-zero
// repository (973 dependencies, 56 of them on the frontier), and keeping
// every exported package for later readers held the whole closure in
// memory to the end of the run.
//
// A run either reads the whole frontier from export data or type-checks
// everything from source (exportMode): a package read from export data
// and one of its dependencies type-checked from source would be two
// different packages of one path to go/types, whose types never match.

func (r *fastRun) exportPath(n *node) string {
	name := hex.EncodeToString(n.key[:])
	return filepath.Join(r.cache.dir, "export", name[:2], name)
}

// exportable reports whether n's types may go through export data: a
// package outside the repository, not a test variant (export data names
// packages by import path, and all of them share one map).
// Nor may it import a repository package, even indirectly: the importer
// would make up a second package of that path.
func (r *fastRun) exportable(n *node) bool {
	return r.cache.dir != "" && n.exportOK && n.id != "unsafe"
}

// setExportable decides exportable for n, whose dependencies are decided.
func setExportable(n *node) {
	n.exportOK = !n.repo && !strings.Contains(n.id, " ")
	for _, d := range n.deps {
		if !d.exportOK {
			n.exportOK = false
		}
	}
}

// keyOutside sets exportOK, key and iface of every package outside the
// repository whose key does not depend on a repository package's outcome,
// dependencies first, so that exportMode can look for their export data
// while the packages are visited. It runs before the visits, which keep
// the keys it set (keyed) and read them.
//
// A package whose closure lies in the module cache and GOROOT has the key
// it had when the snapshot was written, if the snapshot still holds (its
// stamps cover the module cache's files, and the go command) and the keys'
// prefix is the same: those keys are stored in the snapshot and read back,
// which on a go-zero repository of a thousand dependencies was a fifth of
// a run that had nothing to re-analyse.
func (r *fastRun) keyOutside() {
	prefix := sha256.Sum256(r.keyPrefix())
	stored := r.storedKeys(prefix[:])
	fresh := make([]byte, len(r.snap.Listed)*len(hash{}))
	done := make(map[*node]bool, len(r.nodes))
	local := make(map[*node]bool) // a local package is in its closure
	var walk func(n *node)
	walk = func(n *node) {
		if done[n] {
			return
		}
		done[n] = true
		local[n] = isLocal(n.lp, r.snap.GoEnv)
		for _, d := range n.deps {
			walk(d)
			local[n] = local[n] || local[d]
		}
		if n.repo {
			return
		}
		setExportable(n)
		if !n.exportOK {
			return
		}
		k, fromSnapshot := stored(n)
		fromSnapshot = fromSnapshot && !local[n]
		if fromSnapshot {
			n.key = k
			if testHookStoredKey != nil {
				testHookStoredKey(n.id, k, r.keyOf(n))
			}
		} else {
			n.key = r.keyOf(n)
		}
		n.iface, n.keyed = n.key, true
		if !local[n] {
			copy(fresh[n.listedAt*len(hash{}):], n.key[:])
		}
	}
	for _, n := range r.nodes {
		walk(n)
	}
	if !bytes.Equal(fresh, r.snap.OutsideKeys) || !bytes.Equal(prefix[:], r.snap.OutsideKeysPrefix) {
		r.snap.OutsideKeys, r.snap.OutsideKeysPrefix = fresh, prefix[:]
		r.snap.dirty = true
	}
}

// storedKeys returns the keys the snapshot holds of packages outside the
// repository, when it was read unchanged and its keys have this run's
// prefix digest (see keyOutside).
func (r *fastRun) storedKeys(prefix []byte) func(n *node) (hash, bool) {
	keys := r.snap.OutsideKeys
	if !r.snapRead || !bytes.Equal(prefix, r.snap.OutsideKeysPrefix) || len(keys) != len(r.snap.Listed)*len(hash{}) {
		return func(*node) (hash, bool) { return hash{}, false }
	}
	return func(n *node) (hash, bool) {
		k := hash(keys[n.listedAt*len(hash{}):][:len(hash{})])
		return k, k != hash{}
	}
}

// testHookStoredKey, when set by tests, learns the key the snapshot held
// of each package outside the repository whose key it took from there,
// and the key computed afresh.
var testHookStoredKey func(id string, stored, computed hash)

// exportMode reports whether this run reads the frontier from export
// data: the cache is on and every frontier package has export data that
// is whole (its checksum holds), read here so that no read can fail half
// way through the run. It is decided once, when a package first needs its
// dependencies' types (a run that re-analyses nothing decides nothing).
// Frontier packages whose export data is missing or damaged are marked
// stale, so that writeExport replaces it; unless the build cache has
// theirs (compilerExport), which then stands in for it.
func (r *fastRun) exportMode() bool {
	r.exportOnce.Do(func() {
		if r.cache.dir == "" {
			return
		}
		whole := true
		var read, missing []*node
		for _, n := range r.nodes {
			if !n.frontier || n.id == "unsafe" {
				continue
			}
			if !r.exportable(n) {
				whole = false
				continue
			}
			data, ok := readExportFile(r.exportPath(n))
			if !ok {
				n.exportStale = true
				missing = append(missing, n)
				continue
			}
			n.exportData = data
			read = append(read, n)
		}
		if whole && len(missing) > 0 {
			whole = r.compilerExport(missing)
		}
		if !whole {
			for _, n := range read {
				n.exportData = nil
			}
		}
		r.fromExport = whole
	})
	return r.fromExport
}

// healExport type-checks, after a run from source, the frontier packages
// whose export data is missing or damaged and that no analysed package
// needed this time, so that they are written: the next run would read
// from source again otherwise, and so every run after it. A dependency
// upgrade or a new import needs none (the importers are analysed again,
// which writes it); damaged export data does.
func (r *fastRun) healExport() {
	if r.fromExport {
		return
	}
	var wg sync.WaitGroup
	for _, n := range r.nodes {
		if n.frontier && n.exportStale && r.exportable(n) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r.ensureTypes(n)
			}()
		}
	}
	wg.Wait()
}

// An export data file holds a flag ('1': the package or a dependency did
// not type-check), the SHA-256 of the export data, and the export data.
const exportHeader = 1 + sha256.Size

// readExportFile returns the file's contents if its export data is whole.
func readExportFile(path string) ([]byte, bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < exportHeader {
		return nil, false
	}
	sum := sha256.Sum256(data[exportHeader:])
	if !bytes.Equal(sum[:], data[1:exportHeader]) {
		return nil, false
	}
	return data, true
}

// readExport loads n, a frontier package, from the export data
// exportMode read, into the map all export data of the run shares (a
// package that another's export data reached is completed there, not
// made again).
func (r *fastRun) readExport(n *node) bool {
	data := n.exportData
	n.exportData = nil
	if len(data) < exportHeader {
		return false
	}
	r.exportMu.Lock()
	defer r.exportMu.Unlock()
	if r.exportImports == nil {
		r.exportImports = map[string]*types.Package{}
	}
	pkg, err := gcexportdata.Read(bytes.NewReader(data[exportHeader:]), r.fset, r.exportImports, n.id)
	if err != nil {
		return false
	}
	n.pkg = pkg
	n.illTyped = data[0] == '1'
	return true
}

// writeExport stores the freshly checked types of n, a frontier package
// whose export data is missing or damaged.
func (r *fastRun) writeExport(n *node) {
	if !n.frontier || !n.exportStale || !r.exportable(n) || n.pkg == nil {
		return
	}
	var data bytes.Buffer
	if err := gcexportdata.Write(&data, r.fset, n.pkg); err != nil {
		return
	}
	flag := byte('0')
	if n.illTyped { // its own errors or a dependency's: readers load no dependency
		flag = '1'
	}
	sum := sha256.Sum256(data.Bytes())
	file := make([]byte, 0, exportHeader+data.Len())
	file = append(append(append(file, flag), sum[:]...), data.Bytes()...)
	writeAtomic(r.exportPath(n), file)
}
