package boundaries

import (
	"errors"
	"path"
	"strings"
)

// A pattern is a directory entry of the map, split into slash-separated
// segments. It covers its directory and everything below it, matched by
// whole segments: services/orders covers services/orders/x but never
// services/orders2. A segment may be a path.Match glob (services/*/api), and
// a "..." segment matches any number of segments (services/.../proto).
type pattern struct {
	raw  string   // the entry, cleaned
	segs []string // nil for "." (the whole repository)
}

var errDotDot = errors.New("a map directory must stay inside the map's directory (no .. elements, not absolute)")

// parsePattern cleans a directory entry: "./services/orders/" and
// "services/orders/..." both become services/orders.
func parsePattern(s string) (pattern, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return pattern{}, errors.New("empty directory")
	}
	if strings.Contains(s, `\`) {
		return pattern{}, errors.New("use forward slashes in map directories")
	}
	if path.IsAbs(s) {
		return pattern{}, errDotDot
	}
	clean := path.Clean(s)
	for strings.HasSuffix(clean, "/...") {
		clean = strings.TrimSuffix(clean, "/...")
	}
	if clean == "..." {
		clean = "."
	}
	p := pattern{raw: clean}
	if clean == "." {
		return p, nil
	}
	p.segs = strings.Split(clean, "/")
	stars := 0
	for _, seg := range p.segs {
		if seg == ".." {
			return pattern{}, errDotDot
		}
		if seg == "..." {
			stars++
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return pattern{}, errors.New("bad glob " + seg + ": " + err.Error())
		}
	}
	if stars > 3 {
		return pattern{}, errors.New("too many ... segments")
	}
	return p, nil
}

// matches reports whether the pattern covers the directory with these segments.
func (p pattern) matches(segs []string) bool { return matchSegs(p.segs, segs) }

func matchSegs(p, s []string) bool {
	if len(p) == 0 {
		return true // an entry covers everything below it
	}
	if p[0] == "..." {
		for i := 0; i <= len(s); i++ {
			if matchSegs(p[1:], s[i:]) {
				return true
			}
		}
		return false
	}
	if len(s) == 0 {
		return false
	}
	if ok, err := path.Match(p[0], s[0]); err != nil || !ok {
		return false
	}
	return matchSegs(p[1:], s[1:])
}

func isGlob(seg string) bool { return seg == "..." || strings.ContainsAny(seg, `*?[`) }

// literalPrefix is the part before the first glob segment: the directory
// that must exist, and where the go.mod search starts.
func (p pattern) literalPrefix() []string {
	for i, seg := range p.segs {
		if isGlob(seg) {
			return p.segs[:i]
		}
	}
	return p.segs
}

// specificity orders entries that cover the same directory: more segments
// win, then more literal segments.
func (p pattern) specificity() (segs, literal int) {
	for _, seg := range p.segs {
		if seg == "..." {
			continue
		}
		segs++
		if !isGlob(seg) {
			literal++
		}
	}
	return segs, literal
}
