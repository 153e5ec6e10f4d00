// Package directive reads couplingvet's suppression comments,
//
//	//couplingvet:allow <check> <reason>
//
// written on the line of a finding or on the line above it. The reason is
// required: a directive without one suppresses nothing and is itself
// reported, as is a directive that names an unknown check or that suppresses
// nothing (so that stale suppressions do not pile up).
//
// Directives are read from ast.Comment lists, not CommentGroup.Text, which
// drops comments of the form //word:word.
package directive

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// Prefix starts every couplingvet directive.
const Prefix = "//couplingvet:allow"

// A Directive is one //couplingvet:allow comment.
type Directive struct {
	Pos, End token.Pos
	File     string
	Line     int
	Check    string // first word after the prefix; "" when missing
	Reason   string // the rest of the line, trimmed
	used     bool
}

// Used reports whether the directive suppressed at least one finding.
func (d *Directive) Used() bool { return d.used }

// A Set holds the directives of one package's files.
type Set struct {
	fset   *token.FileSet
	byLine map[lineKey][]*Directive
	all    []*Directive
}

type lineKey struct {
	file string
	line int
}

// Parse collects the directives in files.
func Parse(fset *token.FileSet, files []*ast.File) *Set {
	s := &Set{fset: fset, byLine: make(map[lineKey][]*Directive)}
	for _, f := range files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if d, ok := parseComment(fset, c); ok {
					s.all = append(s.all, d)
					k := lineKey{d.File, d.Line}
					s.byLine[k] = append(s.byLine[k], d)
				}
			}
		}
	}
	sort.Slice(s.all, func(i, j int) bool { return s.all[i].Pos < s.all[j].Pos })
	return s
}

func parseComment(fset *token.FileSet, c *ast.Comment) (*Directive, bool) {
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, false
	}
	posn := fset.Position(c.Pos())
	d := &Directive{Pos: c.Pos(), End: c.End(), File: posn.Filename, Line: posn.Line}
	// A trailing "// ..." comment (a nolint, a test expectation) is not
	// part of the reason.
	rest, _, _ = strings.Cut(rest, "//")
	fields := strings.Fields(rest)
	if len(fields) > 0 {
		d.Check = fields[0]
		d.Reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), fields[0]))
	}
	return d, true
}

// All returns every directive, in source order.
func (s *Set) All() []*Directive { return s.all }

// Suppress returns the directive that suppresses a finding of check at pos
// (one on the same line or on the line above, naming check, with a reason)
// and marks it used. It returns nil when no directive applies.
func (s *Set) Suppress(check string, pos token.Pos) *Directive {
	if s == nil || len(s.all) == 0 || !pos.IsValid() {
		return nil
	}
	posn := s.fset.Position(pos)
	for _, line := range []int{posn.Line, posn.Line - 1} {
		for _, d := range s.byLine[lineKey{posn.Filename, line}] {
			if d.Check == check && d.Reason != "" {
				d.used = true
				return d
			}
		}
	}
	return nil
}

// ForCheck returns the directives naming check, in source order.
func (s *Set) ForCheck(check string) []*Directive {
	var out []*Directive
	for _, d := range s.all {
		if d.Check == check {
			out = append(out, d)
		}
	}
	return out
}
