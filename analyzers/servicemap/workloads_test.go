package servicemap

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/couplingvet/couplingvet/boundaries"
)

// loadTree writes files below root and loads the couplingvet.yaml among them.
func loadTree(t *testing.T, root string, files map[string]string) *boundaries.Map {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := boundaries.Load(filepath.Join(root, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDerivedHosts checks that a service whose map entry lists no hosts
// answers to the names and ports of the compose service that builds its
// code, and that -strict's note says where they came from.
func TestDerivedHosts(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod":           "module example.com/x\n\ngo 1.26\n",
		"couplingvet.yaml": "version: 1\nservices:\n  payments:\n    owns: [services/payments]\n  orders:\n    owns: [services/orders]\n    hosts: [orders]\n",
		"docker-compose.yml": "services:\n  pay:\n    build: ./services/payments\n    ports: [\"9000:9000\"]\n" +
			"  orders:\n    build: ./services/orders\n    ports: [\"8080:8080\"]\n",
		"services/payments/p.go": "package payments\n",
		"services/orders/o.go":   "package orders\n",
	}
	m := loadTree(t, root, files)
	withHosts := runtimeOf(m).mapWithHosts()
	if got := withHosts.ServiceOfHost("http://pay:9000/v1/charge"); got != "payments" {
		t.Errorf("ServiceOfHost(pay:9000) = %q, want payments (its compose service)", got)
	}
	if got := withHosts.ServiceOfHost("orders:8080"); got != "orders" {
		t.Errorf("ServiceOfHost(orders:8080) = %q, want orders", got)
	}
	want := []string{"payments lists no hosts in the map: using pay, pay:9000 from docker-compose.yml:2"}
	if got := DerivedHostNotes(m); !slices.Equal(got, want) {
		t.Errorf("DerivedHostNotes = %q, want %q", got, want)
	}
}

// TestSharedLoader: a shared config package that loads config/config.yaml
// loads it for the services without config files of their own; a service
// with its own keeps only those.
func TestSharedLoader(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod":           "module example.com/x\n\ngo 1.26\n",
		"couplingvet.yaml": "version: 1\nshared: [config]\nservices:\n  search:\n    owns: [app/search]\n  user:\n    owns: [app/user]\n",
		"config/config.go": "package config\n\nimport (\n\t\"os\"\n\n\t\"github.com/spf13/viper\"\n)\n\n" +
			"func Init() {\n\tdir, _ := os.Getwd()\n\tviper.SetConfigName(\"config\")\n\tviper.AddConfigPath(dir + \"/config\")\n}\n",
		"config/config.yaml":     "mysql:\n  host: 127.0.0.1\n",
		"app/search/main.go":     "package main\n",
		"app/user/main.go":       "package main\n",
		"app/user/etc/user.yaml": "mysql:\n  host: user-db\n",
	}
	m := loadTree(t, root, files)
	paths := func(svc string) []string {
		var out []string
		for _, f := range runtimeOf(m).byService()[svc].configs {
			out = append(out, f.Path)
		}
		return out
	}
	if got := paths("search"); !slices.Equal(got, []string{"config/config.yaml"}) {
		t.Errorf("search's config files %q, want [config/config.yaml] (loaded by shared code)", got)
	}
	if got := paths("user"); !slices.Equal(got, []string{"app/user/etc/user.yaml"}) {
		t.Errorf("user's config files %q, want only its own", got)
	}
}
