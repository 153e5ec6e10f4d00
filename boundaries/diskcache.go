package boundaries

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

// A DiskCache keeps loaded maps between processes. go vet runs a tool once
// per package, so without it every package would pay for reading, decoding
// and validating the same map; with it, a process reads one small file and
// re-asks the few file-system questions the load depended on.
//
// An entry is used only when the map's bytes, its path, the day (expiry
// checks) and Salt are those it was written for, and every probe of the file
// system and environment the load made (directories named by the map,
// go.mod and go.work files, GOWORK) still gets the same answer. Maps with
// errors are not cached: they are loaded, and reported, every time.
type DiskCache struct {
	// Dir holds the entries; it is created when the first one is written.
	Dir string
	// Salt identifies the program that writes and reads entries, so that
	// an entry is never decoded by a build with another Map type.
	Salt string
}

// diskEntry is what one cache file holds.
type diskEntry struct {
	Map     *Map
	Modules []Module
	Probes  []probe
}

// staleAfter is how long an entry is kept: the day is part of its key, so
// older entries can never be read again.
const staleAfter = 48 * time.Hour

// Load is boundaries.Load with the disk cache: same result, same in-process
// sharing of one *Map.
func (c DiskCache) Load(path string) (*Map, error) {
	return loadShared(path, func(key cacheKey, data []byte) (*Map, error) {
		file := c.file(key)
		if m := readEntry(file, key); m != nil {
			return m, nil
		}
		var probes []probe
		m, err := load(files{record: &probes}, path, key.path, data)
		if err == nil {
			c.write(file, m, probes) // best effort: a failed write costs only time
		}
		return m, err
	})
}

func (c DiskCache) file(key cacheKey) string {
	h := sha256.New()
	for _, s := range []string{c.Salt, key.path, key.digest, key.day} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return filepath.Join(c.Dir, hex.EncodeToString(h.Sum(nil))+".map")
}

// readEntry returns the cached map in file, or nil when there is none, it
// does not decode, or the file system no longer answers as it did.
func readEntry(file string, key cacheKey) *Map {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var e diskEntry
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&e) != nil || e.Map == nil {
		return nil
	}
	if e.Map.File != key.path || e.Map.Digest != key.digest {
		return nil
	}
	for _, p := range e.Probes {
		if !p.stillHolds() {
			return nil
		}
	}
	m := e.Map
	m.modules = e.Modules
	m.entries = mapEntries(m)
	return m
}

// write stores an entry atomically (concurrent go vet processes may write
// the same one) and removes entries no key can reach any more.
func (c DiskCache) write(file string, m *Map, probes []probe) {
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(diskEntry{Map: m, Modules: m.modules, Probes: probes}) != nil {
		return
	}
	if os.MkdirAll(c.Dir, 0o777) != nil {
		return
	}
	if atomicfile.Write(file, buf.Bytes(), 0o644) != nil {
		return
	}
	c.removeStale()
}

func (c DiskCache) removeStale() {
	ents, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	cutoff := now().Add(-staleAfter)
	for _, e := range ents {
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(c.Dir, e.Name()))
		}
	}
}
