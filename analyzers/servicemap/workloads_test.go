package servicemap

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/couplingvet/couplingvet/boundaries"
)

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
