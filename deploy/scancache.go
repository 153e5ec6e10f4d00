package deploy

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"

	"github.com/couplingvet/couplingvet/internal/atomicfile"
)

// A ScanCache keeps, between runs, the loader calls found in each Go file
// of a repository (see loads.go), so that a run reads only the Go files
// that changed: reading every Go file of a large repository costs more
// than the rest of a run that its result cache answers.
//
// An entry is used when the file's size and modification time are those
// it was written for. A file modified within racyWindow of the write is
// not kept: a second edit within the file system's time granularity could
// leave both the same. Salt identifies the program that writes and reads
// entries.
type ScanCache struct {
	Dir  string
	Salt string
}

// A scanEntry is what the cache knows of one Go file.
type scanEntry struct {
	Size    int64
	ModTime int64 // UnixNano; 0: nothing known
	Calls   []loaderCall
}

// scanVersion changes whenever loaderCalls finds other calls or paths.
const scanVersion = "scan-1"

const racyWindow = 2 * time.Second

func (c *ScanCache) file(root string) string {
	h := sha256.New()
	for _, s := range []string{scanVersion, c.Salt, root} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return filepath.Join(c.Dir, "scan-"+hex.EncodeToString(h.Sum(nil))[:32])
}

// read returns the entries kept for root, by relative path; none without a
// cache or an entry.
func (c *ScanCache) read(root string) map[string]scanEntry {
	if c == nil {
		return nil
	}
	data, err := os.ReadFile(c.file(root))
	if err != nil {
		return nil
	}
	var m map[string]scanEntry
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&m) != nil {
		return nil
	}
	return m
}

// write keeps this run's entries when they differ from the ones read.
func (c *ScanCache) write(root string, files []string, scanned []scanEntry, known map[string]scanEntry) {
	if c == nil {
		return
	}
	racy := time.Now().Add(-racyWindow).UnixNano()
	m := make(map[string]scanEntry, len(files))
	changed := len(known) != len(files)
	for i, rel := range files {
		e := scanned[i]
		if e.ModTime == 0 || e.ModTime > racy {
			changed = true
			continue
		}
		if prev, ok := known[rel]; !ok || prev.Size != e.Size || prev.ModTime != e.ModTime {
			changed = true
		}
		m[rel] = e
	}
	if !changed {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(m) != nil || os.MkdirAll(c.Dir, 0o755) != nil {
		return
	}
	atomicfile.Write(c.file(root), buf.Bytes(), 0o644) // best effort: a failed write costs the next run the reads
}
