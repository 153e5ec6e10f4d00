// Command score runs couplingvet on every repository of the accuracy
// corpus and prints precision and recall per check, with every miss and
// every false positive. accuracy/run builds couplingvet and calls it; see
// accuracy/README.md.
//
//	score -couplingvet BIN -clones DIR [-corpus accuracy/corpus] [-map couplingvet.yaml] [-init] [-markdown] [name...]
//
// DIR/<name> is a checkout of the corpus entry <name> at its commit
// (accuracy/checkout makes them). The entry's map is copied to the root of
// the checkout, as a user would commit it, and couplingvet runs there.
// With -init, the map "couplingvet init" writes there is scored instead,
// and compared with the entry's map (init.go).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	bin := flag.String("couplingvet", "couplingvet", "the couplingvet binary to score")
	clones := flag.String("clones", "", "directory holding one checkout per corpus entry, named like the entry")
	corpus := flag.String("corpus", "accuracy/corpus", "the corpus directory")
	mapName := flag.String("map", "couplingvet.yaml", "which map of each entry to use (a file name inside the entry)")
	markdown := flag.Bool("markdown", false, "print the table as Markdown, for README")
	initMap := flag.Bool("init", false, "score the map couplingvet init writes instead of the entry's map (which is then the reference the guess is compared with); see init.go")
	flag.Parse()
	if *clones == "" {
		fmt.Fprintln(os.Stderr, "score: -clones DIR is required")
		os.Exit(2)
	}
	entries, err := corpusEntries(*corpus, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(2)
	}
	var rows []row
	var recs []recovery
	for _, name := range entries {
		var r row
		if *initMap {
			var rec recovery
			r, rec = initEntry(*bin, filepath.Join(*corpus, name), filepath.Join(*clones, name), *mapName)
			recs = append(recs, rec)
		} else {
			r = scoreEntry(*bin, filepath.Join(*corpus, name), filepath.Join(*clones, name), *mapName)
		}
		r.name = name
		rows = append(rows, r)
	}
	if *initMap {
		printRecovery(os.Stdout, rows, recs, *markdown)
	}
	printTable(os.Stdout, rows, *markdown)
	printDetails(os.Stdout, rows)
	for _, r := range rows {
		if r.err != nil {
			os.Exit(1)
		}
	}
}

// corpusEntries lists the entries to score: the names given, or every
// directory of the corpus that holds a truth.yaml.
func corpusEntries(corpus string, names []string) ([]string, error) {
	if len(names) > 0 {
		return names, nil
	}
	dirs, err := os.ReadDir(corpus)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(corpus, d.Name(), "truth.yaml")); err == nil {
			out = append(out, d.Name())
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no entry with a truth.yaml", corpus)
	}
	return out, nil
}

// A row is one repository's outcome.
type row struct {
	name       string
	truth      *Truth
	result     Result
	loadErrors []string
	err        error
}

func scoreEntry(bin, entry, clone, mapName string) row {
	t, err := loadTruth(filepath.Join(entry, "truth.yaml"))
	if err != nil {
		return row{err: err}
	}
	root := filepath.Join(clone, filepath.FromSlash(t.Root))
	if _, err := os.Stat(root); err != nil {
		return row{truth: t, err: fmt.Errorf("no checkout at %s (accuracy/checkout makes it): %v", root, err)}
	}
	m, err := os.ReadFile(filepath.Join(entry, mapName))
	if err != nil {
		return row{truth: t, err: err}
	}
	if err := os.WriteFile(filepath.Join(root, "couplingvet.yaml"), m, 0o644); err != nil {
		return row{truth: t, err: err}
	}
	rep, err := run(bin, root, t.Patterns)
	if err != nil {
		return row{truth: t, err: err}
	}
	return row{truth: t, result: Score(t, rep.Findings), loadErrors: rep.LoadErrors}
}

// report is what score reads of couplingvet's JSON document.
type report struct {
	Findings   []Finding `json:"findings"`
	LoadErrors []string  `json:"load_errors"`
}

type runResult struct {
	Findings   []Finding
	LoadErrors []string
}

// run runs couplingvet with -strict (unattributed calls are listed, not
// scored) and without its cache, so that every run measures the binary.
func run(bin, dir string, patterns []string) (runResult, error) {
	args := append([]string{"-C", dir, "-format", "json", "-strict", "-cache=false"}, patterns...)
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && (exit.ExitCode() == 1 || exit.ExitCode() == 3)) {
		return runResult{}, fmt.Errorf("couplingvet %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var rep report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		return runResult{}, fmt.Errorf("couplingvet's JSON: %v\n%s", err, stderr.String())
	}
	return runResult{Findings: rep.Findings, LoadErrors: rep.LoadErrors}, nil
}

var scored = []string{"crossimport", "shareddb", "syncclient"}

func printTable(w io.Writer, rows []row, markdown bool) {
	total := make(map[string]*Count)
	for _, c := range scored {
		total[c] = new(Count)
	}
	sep, start, end := "  ", "", ""
	if markdown {
		sep, start, end = " | ", "| ", " |"
	}
	header := []string{"repository", "commit", "frameworks"}
	for _, c := range scored {
		header = append(header, c+" P / R (n)")
	}
	fmt.Fprintln(w, start+strings.Join(header, sep)+end)
	if markdown {
		fmt.Fprintln(w, "|"+strings.Repeat(" --- |", len(header)))
	}
	for _, r := range rows {
		cells := []string{r.name, "", ""}
		if r.truth != nil {
			cells[1], cells[2] = r.truth.Commit[:7], strings.Join(r.truth.Frameworks, ", ")
		}
		for _, c := range scored {
			switch {
			case r.err != nil:
				cells = append(cells, "error")
			case r.result.Counts[c] == nil:
				cells = append(cells, "—")
			default:
				n := *r.result.Counts[c]
				total[c].Add(n)
				cells = append(cells, cell(n))
			}
		}
		fmt.Fprintln(w, start+strings.Join(cells, sep)+end)
	}
	cells := []string{"total", "", ""}
	all := new(Count)
	for _, c := range scored {
		cells = append(cells, cell(*total[c]))
		all.Add(*total[c])
	}
	fmt.Fprintln(w, start+strings.Join(cells, sep)+end)
	fmt.Fprintf(w, "\nall checks: precision %.2f, recall %.2f (%d found, %d false positives, %d missed)\n",
		all.Precision(), all.Recall(), all.TP, all.FP, all.FN)
}

func cell(n Count) string {
	return fmt.Sprintf("%.2f / %.2f (%d)", n.Precision(), n.Recall(), n.TP+n.FN)
}

func printDetails(w io.Writer, rows []row) {
	for _, r := range rows {
		if r.err != nil {
			fmt.Fprintf(w, "\n%s: error: %v\n", r.name, r.err)
			continue
		}
		res := r.result
		if len(res.Misses)+len(res.FalsePos)+len(res.Debatable)+len(r.loadErrors) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", r.name)
		for _, le := range r.loadErrors {
			fmt.Fprintf(w, "  load error: %s\n", le)
		}
		misses := append([]Item(nil), res.Misses...)
		sort.SliceStable(misses, func(i, j int) bool { return misses[i].At[0] < misses[j].At[0] })
		for _, m := range misses {
			fmt.Fprintf(w, "  miss %s %s -> %s at %s (%s; needs %s)\n", m.Check, m.From, m.To, strings.Join(m.At, ", "), m.How, orGo(m.Needs))
		}
		for _, fp := range res.FalsePos {
			fmt.Fprintf(w, "  false positive %s %s -> %s at %s (%s): %s\n", fp.Check, fp.From, fp.To, fp.site(), fp.Target, fp.Why)
		}
		for _, d := range res.Debatable {
			fmt.Fprintf(w, "  debatable %s %s -> %s at %s (%s)\n", d.Check, d.From, d.To, d.site(), d.Target)
		}
	}
}

func orGo(needs string) string {
	if needs == "" {
		return "go"
	}
	return needs
}
