package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/boundaries"
)

// initShop is a copy of the example shop without its map (its deploy
// files, docker-compose.yml and deploy/k8s, are where init finds hosts).
func initShop(t *testing.T) string {
	t.Helper()
	dir := copyTree(t, shopDir)
	if err := os.Remove(filepath.Join(dir, "couplingvet.yaml")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestInitShop runs couplingvet init on the example shop and compares the
// map it writes with the shop's hand-written one: the same services (by
// the directories they own), contracts, gRPC names, shared and wiring
// directories, and every hand-written host among the guessed ones.
func TestInitShop(t *testing.T) {
	dir := initShop(t)
	r := couplingvet(t, dir, "init")
	wantCode(t, r, 0)
	if !strings.Contains(r.stderr, "wrote couplingvet.yaml: 5 services") {
		t.Errorf("init does not say what it wrote:\n%s", r.stderr)
	}
	written, err := os.ReadFile(filepath.Join(dir, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(written), "secret") {
		t.Errorf("the map shows a credential from docker-compose.yml:\n%s", written)
	}
	for _, why := range []string{
		"# from the layout services/*",
		"# from cmd/orders, named like the service",
		"# generated gRPC code in api/orders/v1, served by RegisterOrderServiceServer in cmd/orders/main.go",
		"# from RegisterOrderServiceServer in api/orders/v1/orders_grpc.pb.go, called in cmd/orders/main.go",
		"# from docker-compose.yml: compose service orders",
		"# a main package that imports checkout, inventory, orders, payments",
	} {
		if !strings.Contains(string(written), why) {
			t.Errorf("the map lacks the comment %q:\n%s", why, written)
		}
	}
	guess, err := boundaries.Load(filepath.Join(dir, "couplingvet.yaml"))
	if err != nil {
		t.Fatalf("the map init wrote does not load: %v", err)
	}
	handData, err := os.ReadFile(filepath.Join(shopDir, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	hand, err := boundaries.LoadBytes("couplingvet.yaml", handData, dir)
	if err != nil {
		t.Fatal(err)
	}
	compareShopMaps(t, hand, guess, string(written))

	// The map passes -check-config, and a run right after gives findings
	// (1) or none (0), never a usage (2) or load (3) error.
	wantCode(t, couplingvet(t, dir, "-check-config"), 0)
	run := couplingvet(t, dir)
	if run.code != 0 && run.code != 1 {
		t.Fatalf("couplingvet after init: exit %d\n%s\n%s", run.code, run.stdout, run.stderr)
	}
	if !strings.Contains(run.stdout, "checkout imports orders' private package services/orders/store") {
		t.Errorf("the run with the guessed map misses checkout's import of orders' store:\n%s", run.stdout)
	}
}

func compareShopMaps(t *testing.T, hand, guess *boundaries.Map, written string) {
	t.Helper()
	byOwns := func(m *boundaries.Map) map[string]*boundaries.Service {
		out := map[string]*boundaries.Service{}
		for _, s := range m.Services {
			out[strings.Join(slices.Sorted(slices.Values(s.Owns)), ",")] = s
		}
		return out
	}
	handSvcs, guessSvcs := byOwns(hand), byOwns(guess)
	if got, want := slices.Sorted(mapsKeys(guessSvcs)), slices.Sorted(mapsKeys(handSvcs)); !slices.Equal(got, want) {
		t.Fatalf("services by owned directories: %v, want %v\n%s", got, want, written)
	}
	for owns, h := range handSvcs {
		g := guessSvcs[owns]
		if !slices.Equal(slices.Sorted(slices.Values(g.Contracts)), slices.Sorted(slices.Values(h.Contracts))) {
			t.Errorf("%s: contracts %v, want %v", owns, g.Contracts, h.Contracts)
		}
		if !slices.Equal(g.GRPC, h.GRPC) {
			t.Errorf("%s: grpc %v, want %v", owns, g.GRPC, h.GRPC)
		}
		for _, host := range h.Hosts {
			if !slices.Contains(g.Hosts, host) {
				t.Errorf("%s: hosts %v lack %s", owns, g.Hosts, host)
			}
		}
		for _, env := range h.Env {
			if !slices.Contains(g.Env, env) {
				t.Errorf("%s: env %v lacks %s", owns, g.Env, env)
			}
		}
	}
	if !slices.Equal(guess.Shared, hand.Shared) || !slices.Equal(guess.Wiring, hand.Wiring) {
		t.Errorf("shared %v wiring %v, want %v and %v", guess.Shared, guess.Wiring, hand.Shared, hand.Wiring)
	}
	// Each database one service points at is that service's.
	for _, db := range []struct{ svc, name string }{{"orders", "orders-db"}, {"payments", "payments-db"}, {"inventory", "inventory-db"}} {
		s, d := guess.DatabaseOfDSN("postgres://x@" + db.name + ":5432/" + db.svc)
		if s == nil || s.Name != db.svc || d.Name != db.name {
			t.Errorf("database %s is not %s's in the guessed map", db.name, db.svc)
		}
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestInitRefusesToOverwrite: an existing map of any name stays unless
// -force; -force replaces it; -o - prints the guess and writes nothing.
func TestInitRefusesToOverwrite(t *testing.T) {
	dir := initShop(t)
	for _, name := range boundaries.FileNames {
		path := filepath.Join(dir, name)
		writeFile(t, path, "# mine\n")
		r := couplingvet(t, dir, "init")
		wantCode(t, r, 2)
		if !strings.Contains(r.stderr, name+" already exists") || !strings.Contains(r.stderr, "-force") {
			t.Errorf("refusal does not name %s and -force:\n%s", name, r.stderr)
		}
		if data, _ := os.ReadFile(path); string(data) != "# mine\n" {
			t.Errorf("init changed %s without -force", name)
		}
		printed := couplingvet(t, dir, "init", "-o", "-")
		wantCode(t, printed, 0)
		if !strings.Contains(printed.stdout, "services:\n  checkout:") {
			t.Errorf("-o - does not print the map:\n%s", printed.stdout)
		}
		forced := couplingvet(t, dir, "init", "-force")
		wantCode(t, forced, 0)
		data, err := os.ReadFile(filepath.Join(dir, "couplingvet.yaml"))
		if err != nil || string(data) != printed.stdout {
			t.Errorf("-force did not write the guess in place of %s (%v)", name, err)
		}
		if name != "couplingvet.yaml" {
			if _, err := os.Stat(path); err == nil {
				t.Errorf("-force left %s beside the new couplingvet.yaml: two maps", name)
			}
		}
		wantCode(t, couplingvet(t, dir, "-check-config"), 0)
		os.Remove(filepath.Join(dir, "couplingvet.yaml"))
	}
	wantCode(t, couplingvet(t, dir, "init", "extra"), 2)
	wantCode(t, couplingvet(t, dir, "init", "-nosuchflag"), 2)
	wantCode(t, couplingvet(t, dir, "init", "-C", filepath.Join(dir, "missing")), 2)
	withC := couplingvet(t, filepath.Dir(dir), "init", "-C", filepath.Base(dir))
	wantCode(t, withC, 0)
	if _, err := os.Stat(filepath.Join(dir, "couplingvet.yaml")); err != nil {
		t.Errorf("init -C did not write the map in the directory: %v", err)
	}
}
