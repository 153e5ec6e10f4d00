package boundaries

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// now is the clock for expiry checks; tests replace it.
var now = time.Now

// Find walks up from dir to the first directory holding one of FileNames and
// returns the map's absolute path, or "" and nil when there is none. Two map
// files in one directory are an error naming both: which one counts would
// otherwise depend on this list's order.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		var found []string
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 0:
		default:
			return "", &Error{File: found[0], Msg: fmt.Sprintf("two boundary maps in one directory: %s", strings.Join(found, " and ")), Fix: "keep one of them"}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// cache holds loaded maps by absolute path, content digest and the day the
// expiry checks ran: go vet runs one process per package and the standalone
// driver asks from every analyzer, so a map is parsed once per process.
var cache struct {
	sync.Mutex
	m map[cacheKey]cached
}

type cacheKey struct{ path, digest, day string }

type cached struct {
	m   *Map
	err error
}

// Load reads, decodes strictly and validates the map at path. The result is
// cached per absolute path and file content within the process, so callers
// share one *Map: treat it as read-only. When the map is bad, Load returns a
// nil map and an Errors value listing every problem (file, line, key, fix).
func Load(path string) (*Map, error) {
	return loadShared(path, func(key cacheKey, data []byte) (*Map, error) {
		return load(files{}, path, key.path, data)
	})
}

// loadShared reads the map at path and returns the process's shared result
// for its path, content and day, calling loadNew to make it the first time.
func loadShared(path string, loadNew func(cacheKey, []byte) (*Map, error)) (*Map, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	key := cacheKey{abs, digest(data), now().Format("2006-01-02")}
	cache.Lock()
	defer cache.Unlock()
	if c, ok := cache.m[key]; ok {
		return c.m, c.err
	}
	m, err := loadNew(key, data)
	if cache.m == nil {
		cache.m = map[cacheKey]cached{}
	}
	cache.m[key] = cached{m, err}
	return m, err
}

// LoadBytes decodes and validates a map held in memory, without caching. name
// is the file name used in errors; its extension picks the format (.toml is
// TOML, anything else YAML). Directories in the map are relative to root.
func LoadBytes(name string, data []byte, root string) (*Map, error) {
	abs, err := filepath.Abs(filepath.Join(root, filepath.Base(name)))
	if err != nil {
		return nil, err
	}
	return load(files{}, name, abs, data)
}

// load decodes and validates data, asking the file system through fs.
func load(fs files, name, abs string, data []byte) (*Map, error) {
	var tree *node
	var errs Errors
	if strings.EqualFold(filepath.Ext(name), ".toml") {
		tree, errs = parseTOML(name, data)
	} else {
		tree, errs = parseYAML(name, data)
	}
	if tree == nil {
		return nil, errs
	}
	d := &decoder{file: name, errs: errs, pos: map[string]position{}}
	m := d.decode(tree)
	m.File = abs
	m.Root = filepath.Dir(abs)
	m.Digest = digest(data)
	v := &validator{decoder: d, m: m, today: now(), fs: fs}
	v.validate()
	if len(d.errs) > 0 {
		d.errs.sort()
		return nil, d.errs
	}
	fillDefaults(m)
	m.index(fs)
	return m, nil
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// fillDefaults gives every check a severity: the three coupling checks are
// errors; unowned and events are off so that nothing the map did not ask
// for is reported, and cycles (made of edges the other checks judge) warns.
func fillDefaults(m *Map) {
	defaults := map[string]Severity{
		CheckCrossImport: SeverityError,
		CheckSharedDB:    SeverityError,
		CheckSyncClient:  SeverityError,
		CheckUnowned:     SeverityOff,
		CheckCycles:      SeverityWarn,
		CheckEvents:      SeverityOff,
	}
	for name, s := range defaults {
		if _, ok := m.Checks[name]; !ok {
			m.Checks[name] = s
		}
	}
}
