package boundaries

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzRoot is a directory tree the fuzzed maps may refer to.
func fuzzRoot(f *testing.F) string {
	root := f.TempDir()
	for dir := range shopDirs {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(dir)), 0o755); err != nil {
			f.Fatal(err)
		}
	}
	return root
}

// fuzzLoad loads data and checks the contract: a map or Errors, never both,
// never a panic, and every error positioned in the file.
func fuzzLoad(t *testing.T, name string, data []byte, root string) {
	m, err := LoadBytes(name, data, root)
	if err == nil {
		if m == nil {
			t.Fatal("no map and no error")
		}
		// Queries on whatever was accepted must not panic either.
		for _, s := range m.Services {
			for _, h := range s.Hosts {
				m.ServiceOfHost(h)
			}
			for _, db := range s.Databases {
				for _, p := range db.DSN {
					m.DatabaseOfDSN(p)
				}
			}
			for _, d := range s.Owns {
				m.OwnerOfDir(d)
			}
		}
		return
	}
	if m != nil {
		t.Fatal("a map together with errors")
	}
	errs, ok := err.(Errors)
	if !ok || len(errs) == 0 {
		t.Fatalf("error %T is not a non-empty Errors: %v", err, err)
	}
	for _, e := range errs {
		if e.File != name || e.Msg == "" || e.Line < 0 {
			t.Fatalf("malformed error %#v", e)
		}
	}
}

func FuzzLoadYAML(f *testing.F) {
	for _, seed := range []string{shopYAML, smallYAML, "", "version: 1\n", "a: &x [*x]\n", "services:\n  x:\n    owns: ['[']\n"} {
		f.Add([]byte(seed))
	}
	root := fuzzRoot(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, "couplingvet.yaml", data, root) })
}

func FuzzLoadTOML(f *testing.F) {
	for _, seed := range []string{shopTOML, "", "version = 1\n", "a = '''x'''\n[[b.c]]\nd = \"\"\"\ny\"\"\"\"\n", "x = { y = [1, {z = 2}] }\n"} {
		f.Add([]byte(seed))
	}
	root := fuzzRoot(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, "couplingvet.toml", data, root) })
}
