package deploy

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/couplingvet/couplingvet/internal/atomicfile"
)

// A RunCache shares one Tree between the processes of one run. go vet
// starts a vet tool process per package, and without it each would walk
// the whole repository again to find the deploy and config files (on a
// tree of 5,000 packages, about 0.1 s of system calls per process, more
// than the analysis of most packages).
//
// Dir must live exactly as long as the run: go vet's work directory ($WORK,
// the parent of each package's vet.cfg), which the go command removes when
// it exits. So an entry is never stale: every process of the run sees the
// files as the first one read them, which is also what the run's cache key
// describes (the tool ID go vet asked for once, at its start), and the next
// run reads them again. Salt identifies the program that writes and reads
// entries.
type RunCache struct {
	Dir  string
	Salt string
}

// snapshot is a Tree as a RunCache stores it.
type snapshot struct {
	Root      string
	Digest    string
	Problems  []Problem
	Workloads []Workload
	Configs   map[string][]byte // the config files' contents, by path: all a loaded Tree still reads
	Loads     []ConfigLoad
}

// snapshotVersion changes whenever snapshot or what it holds changes.
const snapshotVersion = "deploy-snapshot-2"

// Load is Load with the run's shared entry: read from Dir when an earlier
// process of the run wrote one, else loaded and written for the next.
func (c RunCache) Load(root string, opts Options) *Tree {
	key := memoKey(root, opts)
	memoMu.Lock()
	defer memoMu.Unlock()
	if t, ok := memo[key]; ok {
		return t
	}
	file := c.file(key)
	t := readSnapshot(file, root)
	if t == nil {
		t = load(root, opts)
		writeSnapshot(file, t) // best effort: a failed write costs the next process a walk
	}
	memo[key] = t
	return t
}

func (c RunCache) file(key string) string {
	h := sha256.New()
	for _, s := range []string{snapshotVersion, c.Salt, key} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return filepath.Join(c.Dir, "couplingvet-deploy-"+hex.EncodeToString(h.Sum(nil))[:32])
}

func readSnapshot(file, root string) *Tree {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var s snapshot
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&s) != nil || s.Root != root {
		return nil
	}
	t := &Tree{Root: s.Root, Digest: s.Digest, Problems: s.Problems, files: map[string][]byte{}, workloads: s.Workloads, configs: map[string]*ConfigFile{}, loads: s.Loads}
	for rel, data := range s.Configs {
		t.files[rel] = data
		t.configs[rel] = &ConfigFile{Path: rel, Format: configFormat(rel), data: data}
	}
	return t
}

func writeSnapshot(file string, t *Tree) {
	s := snapshot{Root: t.Root, Digest: t.Digest, Problems: t.Problems, Workloads: t.workloads, Configs: map[string][]byte{}, Loads: t.loads}
	for rel, f := range t.configs {
		s.Configs[rel] = f.data
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(s) != nil {
		return
	}
	atomicfile.Write(file, buf.Bytes(), 0o644)
}

func memoKey(root string, opts Options) string {
	return root + "\x00" + strings.Join(opts.Paths, "\x00")
}
