// Command verify checks a linter's output against the violations bench/gen
// planted in a synthetic monorepo, so that a benchmark never reports the
// speed of a run that missed findings.
//
//	verify -planted DIR/planted.json [-checks crossimport,shareddb,syncclient] [-root DIR] OUTPUT
//
// OUTPUT is couplingvet's -format json document, or text lines of the form
// path:line:col: message (couplingvet's text format, golangci-lint's), with
// paths relative to the tree's root or absolute under -root. JSON findings
// match a planted violation on check, file and line; text lines, which do
// not name the check, on file and line.
//
// It prints, per check, how many planted violations were found and which
// were missed, and how many findings match nothing planted (the generator
// plants only what it lists, so these are false positives or findings
// derived from planted ones, such as two services on one database). It
// exits 1 if a planted violation of a checked kind was missed, 2 on bad
// input.
//
//	verify -list OUTPUT
//
// prints OUTPUT's findings in a canonical form instead, sorted, one per
// line: "finding CHECK {the finding's JSON, keys sorted}" and "load_error
// MESSAGE" for a JSON document, "finding - LINE" for each path:line: line of
// text output. Two runs over the same tree must print the same lines
// (bench/run -repo compares them, having nothing planted to check).
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

type violation struct {
	Check string `json:"check"`
	Kind  string `json:"kind"`
	File  string `json:"file"`
	Line  int    `json:"line"`
	From  string `json:"from"`
	To    string `json:"to"`
}

type manifest struct {
	Violations []violation `json:"violations"`
}

// A finding is one reported position; check is empty for text output.
type finding struct {
	check string
	file  string
	line  int
}

func main() {
	var (
		planted = flag.String("planted", "", "`file` planted.json written by bench/gen")
		checks  = flag.String("checks", "crossimport,shareddb,syncclient", "comma-separated `checks` whose planted violations must all be found")
		root    = flag.String("root", "", "the tree's root `dir`, stripped from absolute paths in the output (default: planted.json's directory)")
		list    = flag.Bool("list", false, "print OUTPUT's findings (and load errors) in a canonical form, sorted, one per line, and check nothing")
	)
	flag.Parse()
	if *list {
		if flag.NArg() != 1 {
			fmt.Fprintln(os.Stderr, "usage: verify -list OUTPUT")
			os.Exit(2)
		}
		data, err := os.ReadFile(flag.Arg(0))
		if err != nil {
			fail(err)
		}
		lines, err := canonical(data)
		if err != nil {
			fail(fmt.Errorf("%s: %v", flag.Arg(0), err))
		}
		for _, l := range lines {
			fmt.Println(l)
		}
		return
	}
	if *planted == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: verify -planted planted.json [-checks LIST] [-root DIR] OUTPUT")
		os.Exit(2)
	}
	if *root == "" {
		*root = filepath.Dir(*planted)
	}
	man, err := readManifest(*planted)
	if err != nil {
		fail(err)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	found, err := parse(data, *root)
	if err != nil {
		fail(fmt.Errorf("%s: %v", flag.Arg(0), err))
	}
	missed := report(os.Stdout, man.Violations, found, strings.Split(*checks, ","))
	if missed > 0 {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "verify:", err)
	os.Exit(2)
}

func readManifest(name string) (*manifest, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return &m, nil
}

// parse reads couplingvet's JSON document or text lines.
func parse(data []byte, root string) ([]finding, error) {
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		return parseJSON(trimmed, root)
	}
	return parseText(bytes.NewReader(data), root)
}

func parseJSON(data []byte, root string) ([]finding, error) {
	var doc struct {
		Findings []struct {
			Check string `json:"check"`
			File  string `json:"file"`
			Line  int    `json:"line"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var out []finding
	for _, f := range doc.Findings {
		out = append(out, finding{check: f.Check, file: relative(f.File, root), line: f.Line})
	}
	return out, nil
}

// canonical lists the findings and load errors of couplingvet's JSON
// document, or the finding lines of text output, in a canonical form, sorted.
func canonical(data []byte) ([]string, error) {
	var out []string
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		var doc struct {
			Findings   []map[string]any `json:"findings"`
			LoadErrors []string         `json:"load_errors"`
		}
		if err := json.Unmarshal(trimmed, &doc); err != nil {
			return nil, err
		}
		for _, f := range doc.Findings {
			b, err := json.Marshal(f) // map keys come out sorted
			if err != nil {
				return nil, err
			}
			check, _ := f["check"].(string)
			out = append(out, "finding "+cmp.Or(check, "-")+" "+string(b))
		}
		for _, e := range doc.LoadErrors {
			out = append(out, "load_error "+strings.ReplaceAll(e, "\n", " "))
		}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if position.MatchString(sc.Text()) {
				out = append(out, "finding - "+sc.Text())
			}
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// position matches "path:line:col: " and "path:line: " at a line's start.
var position = regexp.MustCompile(`^([^:\s][^:]*\.go):(\d+)(?::\d+)?: `)

func parseText(r io.Reader, root string) ([]finding, error) {
	var out []finding
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := position.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		out = append(out, finding{file: relative(m[1], root), line: line})
	}
	return out, sc.Err()
}

// relative turns a path under root into a slash-separated relative one.
func relative(p, root string) string {
	if filepath.IsAbs(p) {
		if rel, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// report prints what was found and returns how many planted violations of
// the given checks were missed.
func report(w io.Writer, planted []violation, found []finding, checks []string) int {
	matches := func(v violation, f finding) bool {
		return f.file == v.File && f.line == v.Line && (f.check == "" || f.check == v.Check)
	}
	type tally struct{ planted, found int }
	tallies := map[string]*tally{}
	var missing []violation
	matched := make([]bool, len(found))
	for _, v := range planted {
		t := tallies[v.Check]
		if t == nil {
			t = &tally{}
			tallies[v.Check] = t
		}
		t.planted++
		hit := false
		for i, f := range found {
			if matches(v, f) {
				matched[i] = true
				hit = true
			}
		}
		if hit {
			t.found++
		} else if slices.Contains(checks, v.Check) {
			missing = append(missing, v)
		}
	}
	var names []string
	for name := range tallies {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t := tallies[name]
		note := ""
		if !slices.Contains(checks, name) {
			note = " (not required)"
		}
		fmt.Fprintf(w, "planted %-12s %4d found %4d missing %4d%s\n", name, t.planted, t.found, t.planted-t.found, note)
	}
	extra := map[string]int{}
	for i, f := range found {
		if !matched[i] {
			extra[cmp.Or(f.check, "(text)")]++
		}
	}
	var extras []string
	for name, n := range extra {
		extras = append(extras, fmt.Sprintf("%s %d", name, n))
	}
	sort.Strings(extras)
	if len(extras) > 0 {
		fmt.Fprintf(w, "findings at no planted line: %s\n", strings.Join(extras, ", "))
	}
	for _, v := range missing {
		fmt.Fprintf(w, "MISSED %s:%d: %s %s -> %s (%s)\n", v.File, v.Line, v.Check, v.From, v.To, v.Kind)
	}
	return len(missing)
}
