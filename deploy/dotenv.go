package deploy

import (
	"strconv"
	"strings"
)

// A dotenv is a parsed .env file or compose env_file: KEY=value lines.
type dotenv struct {
	file  string // relative to root
	names []string
	vars  map[string]dotenvVar
}

type dotenvVar struct {
	raw     string
	line    int
	literal bool // single-quoted: no interpolation
}

// parseDotenv reads the lines compose reads: KEY=value, "export KEY=value",
// # comments, values in double quotes (escapes, interpolation), in single
// quotes (literal), or bare (an inline " #" starts a comment). A line
// without "=" is a key passed through from the shell: it has no value here.
func parseDotenv(file string, data []byte) *dotenv {
	d := &dotenv{file: file, vars: map[string]dotenvVar{}}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		key, value, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			continue
		}
		v := dotenvValue(strings.TrimSpace(value))
		v.line = i + 1
		if _, dup := d.vars[key]; !dup {
			d.names = append(d.names, key)
		}
		d.vars[key] = v
	}
	return d
}

func dotenvValue(s string) dotenvVar {
	switch {
	case len(s) >= 2 && s[0] == '\'' && strings.IndexByte(s[1:], '\'') >= 0:
		return dotenvVar{raw: s[1 : 1+strings.IndexByte(s[1:], '\'')], literal: true}
	case len(s) >= 2 && s[0] == '"':
		if end := closingQuote(s); end > 0 {
			if u, err := strconv.Unquote(s[:end+1]); err == nil {
				return dotenvVar{raw: u}
			}
			return dotenvVar{raw: s[1:end]}
		}
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return dotenvVar{raw: s}
}

// closingQuote returns the index of the double quote that closes s[0], or -1.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// An interpolator expands ${VAR} references the way docker compose does,
// from a chain of dotenv scopes (an env_file, then the .env beside the
// compose file). It never reads this process's environment: the result
// must not depend on the shell that runs the linter.
type interpolator struct {
	scopes  []*dotenv
	missing string // why a name in no scope has no value
	active  map[string]bool
	loop    func(file string, line int, chain string)
	steps   int // lookups so far: a .env where each variable uses the previous one twice grows exponentially
}

// maxLookups bounds the work of one interpolator; a real project makes a
// few dozen lookups.
const maxLookups = 10000

// expand interpolates s. unknown is non-empty when a reference has no value.
func (in *interpolator) expand(s string) (value, unknown string) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '$' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch next := s[i+1]; {
		case next == '$':
			b.WriteByte('$')
			i++
		case next == '{':
			end := matchingBrace(s, i+1)
			if end < 0 {
				b.WriteString(s[i:])
				return b.String(), ""
			}
			v, why := in.braced(s[i+2 : end])
			if why != "" && unknown == "" {
				unknown = why
			}
			b.WriteString(v)
			i = end
		case isNameStart(next):
			j := i + 1
			for j < len(s) && isNameChar(s[j]) {
				j++
			}
			v, set, why := in.lookup(s[i+1 : j])
			if why != "" && unknown == "" {
				unknown = why
			} else if !set && unknown == "" {
				unknown = in.noValue(s[i+1 : j])
			}
			b.WriteString(v)
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), unknown
}

// braced expands the inside of ${...}: NAME, NAME:-default, NAME-default,
// NAME:?error, NAME?error, NAME:+alt, NAME+alt.
func (in *interpolator) braced(expr string) (string, string) {
	j := 0
	for j < len(expr) && isNameChar(expr[j]) {
		j++
	}
	name, op := expr[:j], expr[j:]
	value, set, why := in.lookup(name)
	if why != "" {
		return "", why
	}
	empty := !set || value == ""
	switch {
	case op == "":
		if !set {
			return "", in.noValue(name)
		}
		return value, ""
	case strings.HasPrefix(op, ":-") && empty, strings.HasPrefix(op, "-") && !set:
		return in.expand(strings.TrimPrefix(strings.TrimPrefix(op, ":"), "-"))
	case strings.HasPrefix(op, ":-"), strings.HasPrefix(op, "-"):
		return value, ""
	case strings.HasPrefix(op, ":?") && empty, strings.HasPrefix(op, "?") && !set:
		return "", in.noValue(name)
	case strings.HasPrefix(op, ":?"), strings.HasPrefix(op, "?"):
		return value, ""
	case strings.HasPrefix(op, ":+") && !empty, strings.HasPrefix(op, "+") && set:
		return in.expand(strings.TrimPrefix(strings.TrimPrefix(op, ":"), "+"))
	case strings.HasPrefix(op, ":+"), strings.HasPrefix(op, "+"):
		return "", ""
	}
	return "", "${" + expr + "} is not an interpolation docker compose understands"
}

// lookup returns the value of name in the first scope that defines it,
// itself interpolated; why is non-empty for a loop or an unknown part.
func (in *interpolator) lookup(name string) (value string, set bool, why string) {
	if in.steps++; in.steps > maxLookups {
		return "", true, "${" + name + "} takes more than 10000 ${VAR} lookups to expand"
	}
	for _, sc := range in.scopes {
		v, ok := sc.vars[name]
		if !ok {
			continue
		}
		if v.literal {
			return v.raw, true, ""
		}
		key := sc.file + "\x00" + name
		if in.active[key] {
			in.loop(sc.file, v.line, name)
			return "", true, "${" + name + "} refers to itself through a loop of ${VAR} references in " + sc.file
		}
		if in.active == nil {
			in.active = map[string]bool{}
		}
		in.active[key] = true
		value, why = in.expand(v.raw)
		delete(in.active, key)
		return value, true, why
	}
	return "", false, ""
}

func (in *interpolator) noValue(name string) string {
	return "${" + name + "} " + in.missing
}

// matchingBrace returns the index of the } that closes the { at open, or -1.
func matchingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func isNameStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isNameChar(c byte) bool { return isNameStart(c) || '0' <= c && c <= '9' }
