package deploy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Options say where the deploy files are.
type Options struct {
	// Paths (files or directories, relative to root) where deploy files are. Empty: discover them
	// anywhere below root (skip .git, vendor, node_modules, testdata and hidden directories).
	Paths []string
	// Unclaimed, when set, reports whether a config file (relative,
	// slash-separated) lies where no service claims it: Load then reads
	// the repository's Go files for the loader calls that name such files
	// (Tree.Loads). Not part of the memo key: one process has one map per
	// root.
	Unclaimed func(rel string) bool
	// ScanCache, when set, keeps what the Go files hold between runs.
	ScanCache *ScanCache
}

// A Tree is what Load found below one root: the workloads of its deploy
// files and its config files. A Tree is safe for concurrent use.
type Tree struct {
	Root     string
	Digest   string    // hex sha256 over (relative path, content) of every candidate file, sorted: the cache key part
	Problems []Problem // of deploy files, .env files and env files; sorted by file, line (config files: ConfigFile.Problem)

	files     map[string][]byte // every candidate file read, by relative path
	workloads []Workload
	configs   map[string]*ConfigFile // by relative path
	loads     []ConfigLoad
}

// A Problem is a deploy file, or a value in one, that could not be read.
// It never stops the run: the values it would have given are unknown.
type Problem struct {
	File string // relative to root, slash-separated
	Line int
	Msg  string
}

// A Workload is one container the deploy files start: a compose service
// or one container of a Kubernetes workload.
type Workload struct {
	Kind      string // "compose" or "kubernetes" (also for rendered helm templates)
	Name      string // compose service name; Kubernetes workload (Deployment/StatefulSet/DaemonSet/Job/CronJob/Pod/ReplicaSet) name
	Container string // Kubernetes container name ("" for compose)
	File      string // relative to root
	Line      int
	Dirs      []string // directories (relative to root, slash-separated; "." is root) whose code it runs: compose build context and the directory of build.dockerfile
	Image     string
	Env       map[string]Setting
	Flags     map[string]Setting // named flags of its command line (-orders-addr=orders:8080), by name without dashes
	Hosts     []string           // names it is reachable at, sorted
	// Init marks a Kubernetes init container: it runs to completion before
	// the pod's containers start and serves nothing, though it shares
	// their hosts (a mysql image there is a client waiting for a schema).
	Init bool
}

// A Setting is the value an environment variable has in a container.
type Setting struct {
	Value   string // after interpolation
	Unknown string // non-empty: the value cannot be told, and why
	File    string // where it is set (relative to root)
	Line    int
}

// maxFileSize is the size above which a file is neither a deploy file nor a
// config file: generated data, not something a person configures.
const maxFileSize = 1 << 20

var (
	memoMu sync.Mutex
	memo   = map[string]*Tree{}
)

// Load scans root (the directory of the boundary map) for deploy files and config files. It never fails:
// unreadable or unparsable files, missing env_file targets, loops of ${VAR} references become Problems,
// and the values they would have given are unknown (Setting.Unknown says why).
//
// Deploy files are parsed by Load; config files when first asked for. The
// result is memoised for the life of the process, keyed by root and
// options: one vet-tool process analyses one package, and every analyzer
// of it sees the same files.
func Load(root string, opts Options) *Tree {
	key := memoKey(root, opts)
	memoMu.Lock()
	defer memoMu.Unlock()
	if t, ok := memo[key]; ok {
		return t
	}
	t := load(root, opts)
	memo[key] = t
	return t
}

func load(root string, opts Options) *Tree {
	t := &Tree{Root: root, files: map[string][]byte{}, configs: map[string]*ConfigFile{}}
	s := &scan{tree: t, root: root, goFiles: opts.Unclaimed != nil}
	all := s.walk(".")
	s.goFiles = false // the deploy paths below are walked again
	deploySet := all
	if len(opts.Paths) > 0 {
		deploySet = nil
		for _, p := range opts.Paths {
			p = cleanRel(p)
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
				t.problem(p, 0, "deploy path "+p+" named in the map does not exist: "+errText(err))
				continue
			}
			deploySet = append(deploySet, s.walk(p)...)
		}
	}
	charts := chartDirs(all)
	deploys := map[string]bool{}
	for _, rel := range dedupe(deploySet) {
		if isDeployFile(rel, t.files[rel], charts) {
			deploys[rel] = true
		}
	}
	for _, rel := range all {
		if !deploys[rel] && !isDeployFile(rel, t.files[rel], charts) && isConfigCandidate(rel, t.files[rel], charts) {
			t.configs[rel] = &ConfigFile{Path: rel, Format: configFormat(rel), data: t.files[rel]}
		}
	}
	p := &parser{tree: t, read: s.read, charts: charts}
	p.parseAll(sortedKeys(deploys))
	t.workloads = p.finish()
	if opts.Unclaimed != nil {
		var unclaimed []string
		for _, rel := range sortedKeys(t.configs) {
			if opts.Unclaimed(rel) {
				unclaimed = append(unclaimed, rel)
			}
		}
		t.loads = findLoads(root, s.gofiles, unclaimed, opts.ScanCache)
	}
	sortProblems(t.Problems)
	t.Digest = t.digest()
	return t
}

// Workloads returns the containers the deploy files start, sorted by File,
// Line. The result is shared: callers must not modify it.
func (t *Tree) Workloads() []Workload { return t.workloads }

func (t *Tree) problem(file string, line int, msg string) {
	t.Problems = append(t.Problems, Problem{File: file, Line: line, Msg: msg})
}

func (t *Tree) digest() string {
	h := sha256.New()
	for _, rel := range sortedKeys(t.files) {
		data := t.files[rel]
		h.Write([]byte(rel))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(data))))
		h.Write([]byte{0})
		h.Write(data)
	}
	// What the Go code loads, not the Go files: an edit that changes no
	// loader call changes no value.
	for _, l := range t.loads {
		h.Write([]byte("\x00load\x00" + l.GoFile + ":" + strconv.Itoa(l.Line) + "\x00" + strings.Join(l.Files, "\x00")))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// scan walks the root and reads the candidate files into tree.files.
type scan struct {
	tree *Tree
	root string
	// goFiles: also list the Go files (not tests) in gofiles, for the
	// loader calls (loads.go).
	goFiles bool
	gofiles []string
}

// walk returns the candidate files at or below rel, slash-separated and
// relative to the root. rel itself is walked even when it is a directory
// the default discovery skips: a path the map names is meant.
func (s *scan) walk(rel string) []string {
	var out []string
	start := filepath.Join(s.root, filepath.FromSlash(rel))
	filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable directories hold nothing we can use
		}
		r, rerr := filepath.Rel(s.root, p)
		if rerr != nil {
			return nil
		}
		r = filepath.ToSlash(r)
		if d.IsDir() {
			if p != start && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !isCandidateName(d.Name()) {
			if s.goFiles && strings.HasSuffix(d.Name(), ".go") && !strings.HasSuffix(d.Name(), "_test.go") {
				s.gofiles = append(s.gofiles, r)
			}
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > maxFileSize || !info.Mode().IsRegular() {
			return nil
		}
		if _, ok := s.read(r); ok {
			out = append(out, r)
		}
		return nil
	})
	return out
}

// read returns the content of the file at rel, reading it once. Every file
// read becomes part of the digest, including env_file targets with any name.
func (s *scan) read(rel string) ([]byte, bool) {
	if data, ok := s.tree.files[rel]; ok {
		return data, true
	}
	data, err := os.ReadFile(filepath.Join(s.root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, false
	}
	s.tree.files[rel] = data
	return data, true
}

func skipDir(name string) bool {
	switch name {
	case "vendor", "node_modules", "testdata":
		return true
	}
	return strings.HasPrefix(name, ".")
}

// isCandidateName reports whether a file may be a deploy file, a config
// file or a .env file, by its name.
func isCandidateName(name string) bool {
	if isDotEnvName(name) {
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json", ".toml":
		return true
	}
	return false
}

func isDotEnvName(name string) bool {
	return name == ".env" || strings.HasPrefix(name, ".env.") || strings.HasSuffix(name, ".env")
}

func isComposeName(name string) bool {
	name = strings.ToLower(name)
	ext := path.Ext(name)
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	return strings.HasPrefix(name, "docker-compose") || strings.HasPrefix(name, "compose")
}

// looksLikeManifest reports whether a YAML or JSON file holds a Kubernetes
// object: a top-level apiVersion and kind. The test is on bytes so that
// discovery does not parse every YAML file of the repository.
func looksLikeManifest(data []byte) bool {
	return hasTopKey(data, "apiVersion") && hasTopKey(data, "kind")
}

// hasTopKey reports whether a line starts with key: (YAML) or holds "key": (JSON).
func hasTopKey(data []byte, key string) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return true
		}
		trimmed := bytes.TrimLeft(line, " \t{")
		if bytes.HasPrefix(trimmed, []byte(`"`+key+`"`)) {
			return true
		}
	}
	return false
}

// chartDirs returns the directories that hold a Chart.yaml: Helm charts.
func chartDirs(files []string) []string {
	var dirs []string
	for _, f := range files {
		if path.Base(f) == "Chart.yaml" {
			dirs = append(dirs, path.Dir(f))
		}
	}
	sort.Strings(dirs)
	return dirs
}

// chartOf returns the chart directory that rel belongs to, or "".
func chartOf(rel string, charts []string) string {
	best := ""
	for _, c := range charts {
		if under(rel, c) && len(c) >= len(best) {
			best = c
		}
	}
	return best
}

func isDeployFile(rel string, data []byte, charts []string) bool {
	name := path.Base(rel)
	if chartOf(rel, charts) != "" {
		return isHelmTemplate(rel, charts)
	}
	if isComposeName(name) || isKustomizationName(name) {
		return true
	}
	ext := strings.ToLower(path.Ext(name))
	return (ext == ".yaml" || ext == ".yml" || ext == ".json") && looksLikeManifest(data)
}

// under reports whether rel is dir or below it, matching by path segment.
func under(rel, dir string) bool {
	if dir == "" || dir == "." {
		return true
	}
	return rel == dir || strings.HasPrefix(rel, dir+"/")
}

func cleanRel(p string) string {
	p = path.Clean(filepath.ToSlash(p))
	if p == "" || p == "/" {
		return "."
	}
	return strings.TrimPrefix(p, "./")
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Msg < ps[j].Msg
	})
}

func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
