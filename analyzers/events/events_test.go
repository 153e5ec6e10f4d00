package events_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/events"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/internal/testtree"
	"github.com/couplingvet/couplingvet/report"
	"golang.org/x/tools/go/analysis/analysistest"
)

// realModules prepares the fixture module in testdata/name, whose broker
// clients are the real modules, fetched through the configured module
// proxy and checked against the fixture's go.sum.
func realModules(t *testing.T, name string, cgo bool) string {
	t.Setenv("GOFLAGS", "-mod=readonly")
	t.Setenv("CGO_ENABLED", map[bool]string{false: "0", true: "1"}[cgo])
	t.Setenv(servicemap.EnvConfig, "")
	dir := filepath.Join(analysistest.TestData(), name)
	testtree.Download(t, dir)
	return dir
}

// TestBrokers checks the endpoints of every client against the fixture's
// "// endpoint: service role broker topic" comments (several separated
// by ";"), and the ownership check against its "// want" comments.
// confluent-kafka-go needs cgo: TestConfluent has it.
func TestBrokers(t *testing.T) {
	dir := realModules(t, "brokers", false)
	patterns := []string{"./pkg/...", "./services/orders/...", "./services/shipping/...", "./services/payments/...",
		"./services/notify/amqpclient", "./services/notify/redisclient", "./services/notify/cloud", "./services/notify/pubsubv1", "./services/notify/daprclient"}
	results := analysistest.Run(t, dir, events.Analyzer, patterns...)
	got := endpointsOf(results, dir)
	want := markedEndpoints(t, dir, "confluent")
	compare(t, got, want)
}

// TestConfluent runs the confluent-kafka-go fixture with cgo, which the
// client needs to type-check (it wraps librdkafka).
func TestConfluent(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("confluent-kafka-go type-checks only with cgo, and no C compiler is installed")
	}
	dir := realModules(t, "brokers", true)
	results := analysistest.Run(t, dir, events.Analyzer, "./services/notify/confluent")
	compare(t, endpointsOf(results, dir), markedEndpoints(t, filepath.Join(dir, "services/notify/confluent"), ""))
}

// TestAMQPEdges checks that AMQP endpoints pair by exchange and routing
// key: orders publishes orders.created on exchange events, which notify
// binds; shipping binds the same key on exchange audit, which orders never
// publishes to, so it gets no edge. A publish to the default exchange meets
// the consumer of the queue its key names.
func TestAMQPEdges(t *testing.T) {
	dir := realModules(t, "brokers", false)
	results := analysistest.Run(t, dir, events.Analyzer,
		"./services/orders/amqppub", "./services/shipping/amqpbind", "./services/notify/amqpclient")
	var r report.Result
	for _, res := range results {
		for _, e := range events.Endpoints(res.Result) {
			r.Events = append(r.Events, report.EventEndpoint{Service: e.Service, Role: e.Role, Broker: e.Broker, Topic: e.Topic})
		}
	}
	var got []string
	for _, e := range report.EventEdges(r) {
		got = append(got, fmt.Sprintf("%s -> %s %s %s", e.From, e.To, e.Broker, e.Topic))
	}
	got = slices.Compact(got) // test variants report a package twice
	want := []string{
		"orders -> notify amqp events/orders.created",
		"orders -> notify amqp notify.sms",
	}
	if !slices.Equal(got, want) {
		t.Errorf("event edges:\n got %q\nwant %q", got, want)
	}
}

func endpointsOf(results []*analysistest.Result, dir string) []string {
	var out []string
	for _, r := range results {
		for _, e := range events.Endpoints(r.Result) {
			rel, _ := filepath.Rel(dir, e.Pos.Filename)
			out = append(out, fmt.Sprintf("%s:%d: %s %s %s %s", filepath.ToSlash(rel), e.Pos.Line, e.Service, e.Role, e.Broker, e.Topic))
		}
	}
	slices.Sort(out)
	return slices.Compact(out) // test variants report a package twice
}

// markedEndpoints reads the "// endpoint:" comments of the Go files below
// dir, skipping directories named skip.
func markedEndpoints(t *testing.T, dir, skip string) []string {
	t.Helper()
	root := filepath.Join(analysistest.TestData(), "brokers")
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && skip != "" && d.Name() == skip {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for i, line := range strings.Split(string(data), "\n") {
			_, marks, ok := strings.Cut(line, "// endpoint: ")
			if !ok {
				continue
			}
			marks, _, _ = strings.Cut(marks, " // want")
			for _, m := range strings.Split(marks, ";") {
				out = append(out, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), i+1, strings.TrimSpace(m)))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func compare(t *testing.T, got, want []string) {
	t.Helper()
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected endpoint %s", g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing endpoint %s", w)
		}
	}
	if len(want) == 0 {
		t.Error("the fixture marks no endpoints")
	}
}
