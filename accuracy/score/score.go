package main

import (
	"fmt"
	"sort"
)

// A Finding is what scoring reads of couplingvet's JSON output.
type Finding struct {
	Check   string `json:"check"`
	From    string `json:"from"`
	To      string `json:"to"`
	Target  string `json:"target"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (f Finding) site() string { return fmt.Sprintf("%s:%d", f.File, f.Line) }

// A Result is the score of one repository.
type Result struct {
	Counts    map[string]*Count // by check
	Misses    []Item            // expected items no finding matched
	FalsePos  []FalsePositive   // findings no expected or debatable item matched
	Debatable []Finding         // findings that matched a debatable item
}

// A Count is true positives, false positives and misses of one check.
type Count struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 1 when nothing was reported.
func (c Count) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (c Count) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// A FalsePositive is a finding that should not be, with why when the
// truth says so (a silent site), or "reported twice" for a second finding
// of one expected item.
type FalsePositive struct {
	Finding
	Why string
}

// Score matches findings to the truth. A finding matches an item when the
// check, from and to agree and its site is one of the item's sites; each
// expected item takes at most one finding, so an edge reported twice costs
// a false positive. Unattributed findings (-strict, no "to") and service
// cycles (made of the edges that are scored) are not scored.
func Score(t *Truth, findings []Finding) Result {
	r := Result{Counts: make(map[string]*Count)}
	count := func(check string) *Count {
		if r.Counts[check] == nil {
			r.Counts[check] = new(Count)
		}
		return r.Counts[check]
	}
	for _, it := range t.Expected {
		count(it.Check)
	}
	findings = sortedFindings(findings)
	taken := make([]bool, len(t.Expected))
	for _, f := range findings {
		if f.To == "" || f.Check == "cycles" {
			continue // unattributed; or a service cycle, made of edges scored on their own
		}
		if i, twice := matchExpected(t.Expected, taken, f); i >= 0 {
			taken[i] = true
			count(f.Check).TP++
			continue
		} else if twice {
			count(f.Check).FP++
			r.FalsePos = append(r.FalsePos, FalsePositive{f, "reported twice: another finding already matched this coupling"})
			continue
		}
		if matchesAny(t.Debatable, f, true) {
			r.Debatable = append(r.Debatable, f)
			continue
		}
		count(f.Check).FP++
		r.FalsePos = append(r.FalsePos, FalsePositive{f, silentWhy(t.Silent, f)})
	}
	for i, it := range t.Expected {
		if !taken[i] {
			count(it.Check).FN++
			r.Misses = append(r.Misses, it)
		}
	}
	return r
}

// matchExpected returns the first untaken expected item f matches, or -1
// and whether f matched an item already taken (a duplicate).
func matchExpected(items []Item, taken []bool, f Finding) (int, bool) {
	twice := false
	for i, it := range items {
		if !it.matches(f, true) {
			continue
		}
		if !taken[i] {
			return i, false
		}
		twice = true
	}
	return -1, twice
}

func matchesAny(items []Item, f Finding, edge bool) bool {
	for _, it := range items {
		if it.matches(f, edge) {
			return true
		}
	}
	return false
}

// matches says whether f is at one of it's sites and, when edge is set,
// names the same check, from and to.
func (it Item) matches(f Finding, edge bool) bool {
	if edge && (it.Check != f.Check || it.From != f.From || it.To != f.To) {
		return false
	}
	for _, at := range it.At {
		file, line, err := splitSite(at)
		if err == nil && file == f.File && line == f.Line {
			return true
		}
	}
	return false
}

func silentWhy(silent []Item, f Finding) string {
	for _, it := range silent {
		if it.matches(f, false) {
			return "must stay silent: " + it.Why
		}
	}
	return "not in the truth"
}

func sortedFindings(fs []Finding) []Finding {
	out := append([]Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Check+out[i].To < out[j].Check+out[j].To
	})
	return out
}

// Add adds o's counts to c's.
func (c *Count) Add(o Count) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
}
