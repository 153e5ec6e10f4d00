package boundaries

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// workspaceRepo is a go.work repository whose map depends on every kind of
// file-system answer a load records: directories, go.mod and go.work
// contents, a glob and GOWORK.
func workspaceRepo(t *testing.T) string {
	t.Helper()
	fixClock(t, "2026-01-15")
	t.Setenv("GOWORK", "")
	return repo(t, map[string]string{
		"go.work":                 "go 1.26\n\nuse (\n\t./services/orders\n\t./libs\n)\n",
		"services/orders/go.mod":  "module example.com/orders\n\ngo 1.26\n",
		"services/billing/go.mod": "module example.com/billing\n\ngo 1.26\n",
		"libs/go.mod":             "module example.com/libs\n\ngo 1.26\n",
		"couplingvet.yaml": `version: 1
shared: [libs]
services:
  orders:
    owns: [services/orders]
  billing:
    owns: [services/billing]
  others:
    owns: ["services/*"]
`,
	})
}

// forgetLoads empties the in-process cache, as a new go vet process starts.
func forgetLoads(t testing.TB) {
	t.Helper()
	cache.Lock()
	cache.m = nil
	cache.Unlock()
}

// loadFresh loads path through c as a new process would.
func loadFresh(t *testing.T, c DiskCache, path string) (*Map, error) {
	t.Helper()
	forgetLoads(t)
	return c.Load(path)
}

// onlyEntry returns the one entry file in c.Dir.
func onlyEntry(t *testing.T, c DiskCache) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(c.Dir, "*.map"))
	if len(files) != 1 {
		t.Fatalf("cache holds %d entries, want 1: %v", len(files), files)
	}
	return files[0]
}

// rewriteEntry edits the map stored in an entry, so that a test can tell a
// map read from the cache from a freshly loaded one.
func rewriteEntry(t *testing.T, file string, edit func(*Map)) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var e diskEntry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e); err != nil {
		t.Fatal(err)
	}
	edit(e.Map)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiskCacheServesTheSameMap(t *testing.T) {
	root := workspaceRepo(t)
	path := filepath.Join(root, "couplingvet.yaml")
	c := DiskCache{Dir: filepath.Join(t.TempDir(), "maps"), Salt: "build 1"}
	want, err := loadFresh(t, c, path)
	if err != nil {
		t.Fatal(err)
	}
	file := onlyEntry(t, c)
	got, err := loadFresh(t, c, path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("map from the cache differs:\ngot  %+v\nwant %+v", got, want)
	}
	if len(got.Modules()) != 3 || got.OwnerOfPackage("example.com/billing/api") != (Owner{Private, "billing", "services/billing"}) {
		t.Errorf("cached map lost its modules: %+v", got.Modules())
	}

	// Prove the second load read the entry: an edited entry comes back.
	rewriteEntry(t, file, func(m *Map) { m.Services[0].Line = 999 })
	if m, _ := loadFresh(t, c, path); m.Services[0].Line != 999 {
		t.Fatal("an unchanged repository did not use the cached entry")
	}
	// Another build never reads it.
	other := DiskCache{Dir: c.Dir, Salt: "build 2"}
	if m, _ := loadFresh(t, other, path); m.Services[0].Line == 999 {
		t.Error("an entry written under another salt was read")
	}
}

func TestDiskCacheNoticesTheFileSystem(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, root string)
		check  func(t *testing.T, m *Map, err error)
	}{{
		name: "owned directory removed",
		change: func(t *testing.T, root string) {
			os.RemoveAll(filepath.Join(root, "services", "billing"))
		},
		check: func(t *testing.T, m *Map, err error) {
			if err == nil || !strings.Contains(err.Error(), "directory services/billing does not exist") {
				t.Errorf("err = %v, want the missing directory reported", err)
			}
		},
	}, {
		name: "go.mod edited",
		change: func(t *testing.T, root string) {
			os.WriteFile(filepath.Join(root, "libs", "go.mod"), []byte("module example.com/lib2\n"), 0o644)
		},
		check: func(t *testing.T, m *Map, err error) {
			if err != nil || !m.InRepo("example.com/lib2/log") {
				t.Errorf("err = %v; the edited module path was not seen: %+v", err, m.Modules())
			}
		},
	}, {
		name: "directory added under a glob",
		change: func(t *testing.T, root string) {
			os.MkdirAll(filepath.Join(root, "services", "stock"), 0o755)
			os.WriteFile(filepath.Join(root, "services", "stock", "go.mod"), []byte("module example.com/stock\n"), 0o644)
		},
		check: func(t *testing.T, m *Map, err error) {
			if err != nil || m.OwnerOfPackage("example.com/stock").Service != "others" {
				t.Errorf("err = %v; the new module was not seen: %+v", err, m.Modules())
			}
		},
	}, {
		name: "GOWORK turned off",
		change: func(t *testing.T, root string) {
			t.Setenv("GOWORK", "off")
		},
		check: func(t *testing.T, m *Map, err error) {
			// The modules stay the same (each is also the module of a map
			// entry), but go.work is no longer what the load read.
			if err != nil || len(m.Modules()) != 3 {
				t.Errorf("err = %v, modules %+v", err, m.Modules())
			}
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			root := workspaceRepo(t)
			path := filepath.Join(root, "couplingvet.yaml")
			c := DiskCache{Dir: t.TempDir(), Salt: "s"}
			if _, err := loadFresh(t, c, path); err != nil {
				t.Fatal(err)
			}
			rewriteEntry(t, onlyEntry(t, c), func(m *Map) { m.Version = 99 })
			tc.change(t, root)
			m, err := loadFresh(t, c, path)
			if m != nil && m.Version == 99 {
				t.Fatal("the cached entry was used after the file system changed")
			}
			tc.check(t, m, err)
		})
	}
}

func TestDiskCacheSkipsBadEntriesAndBadMaps(t *testing.T) {
	root := workspaceRepo(t)
	path := filepath.Join(root, "couplingvet.yaml")
	c := DiskCache{Dir: t.TempDir(), Salt: "s"}
	if _, err := loadFresh(t, c, path); err != nil {
		t.Fatal(err)
	}
	file := onlyEntry(t, c)
	if err := os.WriteFile(file, []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if m, err := loadFresh(t, c, path); err != nil || len(m.Services) != 3 {
		t.Fatalf("corrupt entry: m = %v, err = %v; want a fresh load", m, err)
	}

	// A map with errors is reported on every load and never stored.
	bad := filepath.Join(root, "bad", "couplingvet.yaml")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	os.WriteFile(bad, []byte("version: 1\nservices:\n  x:\n    owns: [nowhere]\n"), 0o644)
	for range 2 {
		var errs Errors
		if _, err := loadFresh(t, c, bad); !errors.As(err, &errs) {
			t.Fatalf("err = %v, want the map's errors", err)
		}
	}
	if entries, _ := filepath.Glob(filepath.Join(c.Dir, "*.map")); len(entries) != 1 {
		t.Errorf("cache holds %d entries, want only the good map's", len(entries))
	}
}

func TestDiskCacheRemovesStaleEntries(t *testing.T) {
	root := workspaceRepo(t)
	c := DiskCache{Dir: t.TempDir(), Salt: "s"}
	old := filepath.Join(c.Dir, "old.map")
	if err := os.WriteFile(old, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	past := now().Add(-3 * 24 * time.Hour)
	os.Chtimes(old, past, past)
	if _, err := loadFresh(t, c, filepath.Join(root, "couplingvet.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an entry from three days ago was kept (stat: %v)", err)
	}
	onlyEntry(t, c)
}
