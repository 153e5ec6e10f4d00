package deploy

import (
	"os"
	"reflect"
	"testing"
)

// forget clears Load's memo, as a new process starts without it.
func forget() {
	memoMu.Lock()
	defer memoMu.Unlock()
	clear(memo)
}

// A second process of the run reads the first one's snapshot instead of
// the files: it sees the same workloads, problems and config values, and
// not an edit made after the first process read them (the run's cache key
// was computed before either).
func TestRunCacheSharesTheTree(t *testing.T) {
	root := t.TempDir()
	write(t, root, "docker-compose.yml", "services:\n  orders:\n    build: ./services/orders\n    environment:\n      LEDGER_ENDPOINT: http://ledger:8080\n    env_file: missing.env\n")
	write(t, root, "services/orders/etc/orders.yaml", "upstreams:\n  ledger:\n    endpoint: http://ledger:8080\n")
	cache := RunCache{Dir: t.TempDir(), Salt: "test"}

	forget()
	first := cache.Load(root, Options{})
	entries, _ := os.ReadDir(cache.Dir)
	if len(entries) != 1 {
		t.Fatalf("the first process left %d entries, want 1", len(entries))
	}
	write(t, root, "deploy/k8s/ledger.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: ledger\n")
	forget()
	second := cache.Load(root, Options{})
	if first == second {
		t.Fatal("the second load returned the memoised tree: forget did not reset it")
	}
	if second.Digest != first.Digest {
		t.Errorf("digest %s, want the first process's %s", second.Digest, first.Digest)
	}
	if !reflect.DeepEqual(second.Workloads(), first.Workloads()) || !reflect.DeepEqual(second.Problems, first.Problems) {
		t.Errorf("workloads %v and problems %v, want %v and %v", second.Workloads(), second.Problems, first.Workloads(), first.Problems)
	}
	if len(first.Problems) == 0 {
		t.Error("the compose file's missing env_file gave no problem: the test compares nothing")
	}
	f := second.ConfigFile("services/orders/etc/orders.yaml")
	if f == nil {
		t.Fatal("the config file is missing from the snapshot")
	}
	if v, _, _ := f.Lookup([][]string{{"upstreams"}, {"ledger"}, {"endpoint"}}); v != "http://ledger:8080" {
		t.Errorf("config value %q, want http://ledger:8080", v)
	}

	// Without the entry (another run, another salt), the files are read again.
	forget()
	if other := (RunCache{Dir: cache.Dir, Salt: "other"}).Load(root, Options{}); other.Digest == first.Digest {
		t.Error("a run with another salt read the first run's entry")
	}
}

// An entry that does not decode is ignored: the process reads the files.
func TestRunCacheIgnoresBadEntries(t *testing.T) {
	root := t.TempDir()
	write(t, root, "docker-compose.yml", "services:\n  orders:\n    build: ./services/orders\n")
	cache := RunCache{Dir: t.TempDir(), Salt: "test"}
	if err := os.WriteFile(cache.file(memoKey(root, Options{})), []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	forget()
	tree := cache.Load(root, Options{})
	if len(tree.Workloads()) != 1 {
		t.Errorf("%d workloads, want 1 (read from the files)", len(tree.Workloads()))
	}
}
