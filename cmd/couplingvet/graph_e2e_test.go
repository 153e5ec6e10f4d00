package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/report"
)

// The README's picture of the example monorepo is docs/shop-graph.svg,
// rendered from docs/shop-graph.dot, which is what -graph dot prints on
// testdata/shop (docs/shop-graph.mmd is the Mermaid form). After a change to
// the shop or to the graph, regenerate all three with
//
//	go test ./cmd/couplingvet -run TestShopGraphGolden -update
var update = flag.Bool("update", false, "rewrite docs/shop-graph.{dot,mmd,svg} from the binary's output on testdata/shop")

var docsDir = mustAbs("../../docs")

func shopGraphFile(ext string) string { return filepath.Join(docsDir, "shop-graph"+ext) }

// TestShopGraphGolden: the committed DOT and Mermaid of the shop are what
// the binary prints.
func TestShopGraphGolden(t *testing.T) {
	for _, kind := range []struct{ flag, ext string }{{"dot", ".dot"}, {"mermaid", ".mmd"}} {
		r := couplingvet(t, shopDir, "-graph", kind.flag)
		wantCode(t, r, exitViolations)
		if *update {
			writeFile(t, shopGraphFile(kind.ext), r.stdout)
			continue
		}
		if want := readFile(t, shopGraphFile(kind.ext)); r.stdout != want {
			t.Errorf("docs/shop-graph%s is not what -graph %s prints on testdata/shop; regenerate it with\n\tgo test ./cmd/couplingvet -run TestShopGraphGolden -update\ngot:\n%s", kind.ext, kind.flag, r.stdout)
		}
	}
	if *update {
		svg := renderSVG(t, readFile(t, shopGraphFile(".dot")))
		writeFile(t, shopGraphFile(".svg"), svg)
	}
}

// TestShopGraphRenders renders the shop's DOT with Graphviz and checks that
// the SVG is well-formed XML with a node per service. It needs dot (Debian:
// apt-get install graphviz); without it, it skips unless
// COUPLINGVET_REQUIRE_GRAPHVIZ=1.
func TestShopGraphRenders(t *testing.T) {
	r := couplingvet(t, shopDir, "-graph", "dot")
	wantCode(t, r, exitViolations)
	nodes := svgNodes(t, renderSVG(t, r.stdout))
	for _, svc := range []string{"checkout", "inventory", "orders", "payments", "shipping", "shared"} {
		if !slices.Contains(nodes, svc) {
			t.Errorf("the SVG has no node %q; nodes: %v", svc, nodes)
		}
	}
	// The committed picture is well formed too, and shows the same services.
	committed := svgNodes(t, readFile(t, shopGraphFile(".svg")))
	if !slices.Equal(committed, nodes) {
		t.Errorf("docs/shop-graph.svg has nodes %v, the shop's graph %v: regenerate it (go test ./cmd/couplingvet -run TestShopGraphGolden -update)", committed, nodes)
	}
}

// renderSVG runs dot -Tsvg on src.
func renderSVG(t *testing.T, src string) string {
	t.Helper()
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("COUPLINGVET_REQUIRE_GRAPHVIZ") == "1" {
			t.Fatalf("COUPLINGVET_REQUIRE_GRAPHVIZ=1 but Graphviz's dot is missing: %v (apt-get install graphviz)", err)
		}
		t.Skip("Graphviz's dot is not installed (apt-get install graphviz); set COUPLINGVET_REQUIRE_GRAPHVIZ=1 to fail instead")
	}
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = strings.NewReader(src)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// svgNodes parses an SVG that Graphviz wrote, failing on malformed XML, and
// returns the titles of its nodes (<g class="node"><title>name</title>),
// sorted.
func svgNodes(t *testing.T, svg string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	var nodes []string
	inNode, inTitle, sawSVG := false, false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "svg":
				sawSVG = true
			case "g":
				inNode = slices.ContainsFunc(tok.Attr, func(a xml.Attr) bool { return a.Name.Local == "class" && a.Value == "node" })
			case "title":
				inTitle = inNode
			}
		case xml.EndElement:
			if tok.Name.Local == "title" {
				inTitle = false
			}
		case xml.CharData:
			if inTitle {
				nodes = append(nodes, string(tok))
				inNode = false
			}
		}
	}
	if !sawSVG {
		t.Fatalf("no <svg> element:\n%s", svg)
	}
	slices.Sort(nodes)
	return nodes
}

// TestGraphJSONAndFocus: -graph json is a GraphDocument; -graph-focus keeps
// a service's neighbourhood, and an unknown service is a usage error.
func TestGraphJSONAndFocus(t *testing.T) {
	r := couplingvet(t, shopDir, "-graph", "json")
	wantCode(t, r, exitViolations)
	var doc report.GraphDocument
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("-graph json: %v\n%s", err, r.stdout)
	}
	var allowed []string
	for _, e := range doc.Edges {
		if e.Allowed {
			allowed = append(allowed, e.From+"->"+e.To+" "+e.Kind+": "+strings.Join(e.Reasons, "; "))
		}
	}
	wantAllowed := []string{
		"checkout->payments syncclient: card authorisation is synchronous by design: the customer waits for it",
		"payments->orders crossimport: rounding must match orders to the cent until money moves to pkg/ (SHOP-142)",
		"shipping->inventory shareddb: shipping reads stock levels from the inventory replica until the stock events exist",
	}
	if !slices.Equal(allowed, wantAllowed) {
		t.Errorf("allowed edges:\n%s\nwant:\n%s", strings.Join(allowed, "\n"), strings.Join(wantAllowed, "\n"))
	}

	r = couplingvet(t, shopDir, "-graph", "json", "-graph-focus", "payments")
	wantCode(t, r, exitViolations)
	doc = report.GraphDocument{}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("-graph-focus: %v\n%s", err, r.stdout)
	}
	var ids []string
	for _, n := range doc.Nodes {
		ids = append(ids, n.ID+":"+n.Kind)
	}
	// payments' neighbours: checkout calls it, shipping opens its database,
	// it imports orders' money package; and the edges among the four.
	if want := []string{"checkout:service", "orders:service", "payments:service", "shipping:service"}; !slices.Equal(ids, want) || doc.Focus != "payments" {
		t.Errorf("focus %q, nodes %v, want %v", doc.Focus, ids, want)
	}
	if len(doc.Edges) == 0 || slices.ContainsFunc(doc.Edges, func(e report.GraphEdge) bool {
		return !slices.Contains(ids, e.From+":service") || !slices.Contains(ids, e.To+":service")
	}) {
		t.Errorf("focused edges: %+v", doc.Edges)
	}

	for _, args := range [][]string{
		{"-graph", "dot", "-graph-focus", "payment"},
		{"-graph-focus", "payments"},
	} {
		r = couplingvet(t, shopDir, args...)
		wantCode(t, r, exitUsage)
		if r.stdout != "" {
			t.Errorf("%v: stdout %q", args, r.stdout)
		}
	}
	if r := couplingvet(t, shopDir, "-graph", "dot", "-graph-focus", "payment"); !strings.Contains(r.stderr, `-graph-focus: couplingvet.yaml has no service "payment": did you mean "payments"?`) {
		t.Errorf("unknown focus: %s", r.stderr)
	}
}
