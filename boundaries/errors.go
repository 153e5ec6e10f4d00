package boundaries

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in a map: where it is, which key, what is wrong and
// how to fix it.
type Error struct {
	File   string // the map file, as given to Load
	Line   int    // 1-based; 0 when the parser gave no position
	Column int    // 1-based; 0 when unknown
	Key    string // dotted path of the key, e.g. services.orders.owns[1]; "" for syntax errors
	Msg    string
	Fix    string // how to fix it; may be empty
}

// Error formats the problem as "file:line:col: key: msg (fix: ...)", the
// shape editors and CI annotations understand.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Fix != "" {
		b.WriteString(" (fix: ")
		b.WriteString(e.Fix)
		b.WriteString(")")
	}
	return b.String()
}

// Errors lists every problem found in a map, sorted by position. Load
// returns a value of this type (never an empty one) when the map is bad;
// use errors.As to get it.
type Errors []*Error

// Error joins the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the individual *Error values.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Msg < b.Msg
	})
}

// Closest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a plausible typo. Every "did you mean" that
// couplingvet prints (map keys, check names, plugin settings) comes from it.
func Closest(s string, candidates []string) string { return didYouMean(s, candidates) }

func didYouMean(s string, candidates []string) string {
	best, bestDist := "", -1
	limit := max(2, len(s)/3)
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if len(c) >= 3 && len(s) >= 3 && (strings.HasPrefix(s, c) || strings.HasPrefix(c, s)) {
			d = min(d, limit) // warning -> warn, service -> services
		}
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// suggest formats a did-you-mean fix, or returns fallback when nothing is close.
func suggest(s string, candidates []string, fallback string) string {
	if m := didYouMean(s, candidates); m != "" {
		return "did you mean " + m + "?"
	}
	return fallback
}
