package boundaries

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchRepo writes a repository with a map of n services, each owning a
// directory with a contract, and with hosts, env keys and a database.
func benchRepo(b *testing.B, n int) string {
	b.Helper()
	files := map[string]string{"go.mod": "module example.com/mono\n\ngo 1.26\n", "pkg/": ""}
	var m strings.Builder
	m.WriteString("version: 1\nshared: [pkg]\nservices:\n")
	for i := range n {
		svc := fmt.Sprintf("svc%02d", i)
		files["services/"+svc+"/store/"] = ""
		files["api/"+svc+"/v1/"] = ""
		fmt.Fprintf(&m, `  %[1]s:
    owns: [services/%[1]s]
    contracts: [api/%[1]s/v1]
    hosts: [%[1]s, "%[1]s:8080", "%[1]s.mono.svc.cluster.local"]
    grpc: [mono.%[1]s.v1.Service]
    env: [%[2]s_ADDR, %[2]s_URL]
    databases:
      - name: %[1]s-db
        engine: postgres
        dsn: ["postgres://*@%[1]s-db:5432/%[1]s"]
        env: [%[2]s_DATABASE_URL]
`, svc, strings.ToUpper(svc))
	}
	files["couplingvet.yaml"] = m.String()
	return filepath.Join(repo(b, files), "couplingvet.yaml")
}

// BenchmarkLoad is what each go vet process paid for the map before the
// disk cache: read, decode, validate, resolve modules. Compare it with
// BenchmarkDiskCacheLoad (benchstat, or the ns/op ratio of one run).
func BenchmarkLoad(b *testing.B) {
	path := benchRepo(b, 30)
	for b.Loop() {
		forgetLoads(b)
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiskCacheLoad is what a go vet process pays with the disk cache
// holding the map: read and decode the entry, re-ask its probes.
func BenchmarkDiskCacheLoad(b *testing.B) {
	path := benchRepo(b, 30)
	c := DiskCache{Dir: b.TempDir(), Salt: "bench"}
	if _, err := c.Load(path); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		forgetLoads(b)
		if _, err := c.Load(path); err != nil {
			b.Fatal(err)
		}
	}
}
