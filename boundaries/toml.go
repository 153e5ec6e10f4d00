package boundaries

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// parseTOML parses data with BurntSushi/toml into a node tree.
//
// The library reports positions for syntax errors (toml.ParseError) and for
// duplicate keys, but keeps the position of each key private (MetaData has
// Keys and Undecoded, not positions). So after the library has accepted the
// document, tomlPositions scans the source text once to find the line and
// column of every key, table header and array element; the scan only has
// to follow valid TOML.
func parseTOML(file string, data []byte) (*node, Errors) {
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return nil, Errors{tomlSyntaxError(file, err)}
	}
	pos := tomlPositions(string(data))
	c := &tomlConverter{pos: pos}
	return c.convert(doc, nil), nil
}

func tomlSyntaxError(file string, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if msg == "" {
			msg = err.Error()
		}
		return &Error{File: file, Line: pe.Position.Line, Column: pe.Position.Col, Key: pe.LastKey, Msg: "TOML syntax error: " + msg, Fix: "correct the TOML syntax"}
	}
	return &Error{File: file, Msg: "TOML syntax error: " + err.Error(), Fix: "correct the TOML syntax"}
}

type tomlConverter struct {
	pos map[string]position
}

// at returns the position of the key path, or of its nearest known parent.
func (c *tomlConverter) at(path []string) position {
	for i := len(path); i > 0; i-- {
		if p, ok := c.pos[tomlKey(path[:i])]; ok {
			return p
		}
	}
	return position{1, 1}
}

// tomlKey joins a path of keys and "[i]" elements into a map key that no
// quoted TOML key can collide with.
func tomlKey(path []string) string { return strings.Join(path, "\x00") }

func (c *tomlConverter) convert(v any, path []string) *node {
	p := c.at(path)
	n := &node{line: p.line, col: p.col}
	switch v := v.(type) {
	case map[string]any:
		n.kind = mapNode
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sub := func(k string) []string { return append(append([]string{}, path...), k) }
		// Source order, so that errors and services come out as written.
		sort.Slice(keys, func(i, j int) bool {
			a, b := c.at(sub(keys[i])), c.at(sub(keys[j]))
			if a != b {
				return a.line < b.line || a.line == b.line && a.col < b.col
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			kp := c.at(sub(k))
			n.keys = append(n.keys, &node{kind: scalarNode, line: kp.line, col: kp.col, value: k, typ: "string"})
			n.vals = append(n.vals, c.convert(v[k], sub(k)))
		}
	case []map[string]any:
		n.kind = listNode
		for i, item := range v {
			n.items = append(n.items, c.convert(item, append(append([]string{}, path...), fmt.Sprintf("[%d]", i))))
		}
	case []any:
		n.kind = listNode
		for i, item := range v {
			n.items = append(n.items, c.convert(item, append(append([]string{}, path...), fmt.Sprintf("[%d]", i))))
		}
	case string:
		n.typ, n.value = "string", v
	case int64:
		n.typ, n.value = "int", strconv.FormatInt(v, 10)
	case float64:
		n.typ, n.value = "float", strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		n.typ, n.value = "bool", strconv.FormatBool(v)
	case time.Time:
		if strings.HasSuffix(v.Location().String(), "-local") {
			// A local date or time (expires = 2027-06-30) has no zone: read it
			// as UTC, like YAML does.
			v = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), time.UTC)
		}
		n.typ, n.value, n.time = "date", v.Format("2006-01-02"), v
	default:
		n.typ, n.value = "string", fmt.Sprint(v)
	}
	return n
}

// tomlScanner finds the position of every key in a TOML document that the
// library has already accepted. It follows table headers ([a.b]), arrays of
// tables ([[a.b]], numbered per parent), dotted keys, inline tables and
// arrays (whose elements are numbered "[i]"), and skips strings, comments and
// scalars. On anything unexpected it skips a byte: the worst outcome of a
// confused scan is a less precise line, never a failure.
type tomlScanner struct {
	src   string
	i     int
	lines []int // byte offset of each line's start
	pos   map[string]position
	aot   map[string]int // resolved array-of-tables path -> elements seen
	table []string       // resolved path of the current table
}

func tomlPositions(src string) map[string]position {
	s := &tomlScanner{src: src, pos: map[string]position{}, aot: map[string]int{}, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	s.document()
	return s.pos
}

func (s *tomlScanner) here() position {
	line := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > s.i }) // first line starting after i
	return position{line, s.i - s.lines[line-1] + 1}
}

func (s *tomlScanner) peek(k int) byte {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

func (s *tomlScanner) record(path []string, p position) {
	if _, ok := s.pos[tomlKey(path)]; !ok {
		s.pos[tomlKey(path)] = p
	}
}

// skip passes spaces, and newlines and comments too when lines is set.
func (s *tomlScanner) skip(lines bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case lines && c == '\n':
			s.i++
		case lines && c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *tomlScanner) document() {
	for s.i < len(s.src) {
		s.skip(true)
		if s.i >= len(s.src) {
			return
		}
		start := s.i
		switch {
		case s.peek(0) == '[' && s.peek(1) == '[':
			p := s.here()
			s.i += 2
			base := s.resolve(s.key(), true)
			n := s.aot[tomlKey(base)]
			s.aot[tomlKey(base)] = n + 1
			s.record(base, p)
			s.table = append(base, fmt.Sprintf("[%d]", n))
			s.record(s.table, p)
		case s.peek(0) == '[':
			p := s.here()
			s.i++
			s.table = s.resolve(s.key(), false)
			s.record(s.table, p)
		default:
			s.keyValue(s.table)
		}
		s.skipLine()
		if s.i == start {
			s.i++ // never loop on input the scan does not understand
		}
	}
}

// skipLine passes the rest of the line (closing brackets, a comment).
func (s *tomlScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// resolve turns header keys into a path, inserting the current element
// index after every prefix that is an array of tables. The last key of an
// [[array.header]] gets no index: the caller numbers the new element.
func (s *tomlScanner) resolve(keys []string, arrayHeader bool) []string {
	var out []string
	for i, k := range keys {
		out = append(out, k)
		if arrayHeader && i == len(keys)-1 {
			break
		}
		if n := s.aot[tomlKey(out)]; n > 0 {
			out = append(out, fmt.Sprintf("[%d]", n-1))
		}
	}
	return out
}

// keyValue scans key = value and records the key (and its dotted prefixes).
func (s *tomlScanner) keyValue(table []string) {
	p := s.here()
	keys := s.key()
	if len(keys) == 0 {
		return
	}
	path := append([]string{}, table...)
	for _, k := range keys {
		path = append(path, k)
		s.record(path, p)
	}
	s.skip(false)
	if s.peek(0) != '=' {
		return
	}
	s.i++
	s.skip(false)
	s.value(path)
}

// key scans a possibly dotted key and returns its parts.
func (s *tomlScanner) key() []string {
	var parts []string
	for s.i < len(s.src) {
		s.skip(false)
		switch c := s.peek(0); {
		case c == '"':
			parts = append(parts, s.basicString())
		case c == '\'':
			parts = append(parts, s.literalString())
		case isBareKeyChar(c):
			start := s.i
			for s.i < len(s.src) && isBareKeyChar(s.src[s.i]) {
				s.i++
			}
			parts = append(parts, s.src[start:s.i])
		default:
			return parts
		}
		s.skip(false)
		if s.peek(0) != '.' {
			return parts
		}
		s.i++
	}
	return parts
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value scans one value; inline tables and arrays record their contents.
func (s *tomlScanner) value(path []string) {
	switch s.peek(0) {
	case '{':
		s.i++
		for s.i < len(s.src) {
			s.skip(true)
			if s.peek(0) == '}' {
				s.i++
				return
			}
			start := s.i
			s.keyValue(path)
			s.skip(true)
			if s.peek(0) == ',' {
				s.i++
			}
			if s.i == start {
				s.i++
			}
		}
	case '[':
		s.i++
		for n := 0; s.i < len(s.src); n++ {
			s.skip(true)
			if s.peek(0) == ']' {
				s.i++
				return
			}
			start := s.i
			elem := append(append([]string{}, path...), fmt.Sprintf("[%d]", n))
			s.record(elem, s.here())
			s.value(elem)
			s.skip(true)
			if s.peek(0) == ',' {
				s.i++
			}
			if s.i == start {
				s.i++
			}
		}
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	default:
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// basicString scans a "..." or """...""" string and returns its contents
// (escapes other than \" and \\ are kept as written: good enough for keys).
func (s *tomlScanner) basicString() string {
	if strings.HasPrefix(s.src[s.i:], `"""`) {
		s.i += 3
		start := s.i
		for s.i < len(s.src) {
			if s.src[s.i] == '\\' {
				s.i += 2
				continue
			}
			if strings.HasPrefix(s.src[s.i:], `"""`) {
				end := s.i
				s.i += 3
				for k := 0; k < 2 && s.peek(0) == '"'; k++ { // """a"""" ends with a quote in the string
					s.i++
					end++
				}
				return s.src[start:end]
			}
			s.i++
		}
		return ""
	}
	s.i++
	var b strings.Builder
	for s.i < len(s.src) && s.src[s.i] != '"' && s.src[s.i] != '\n' {
		if s.src[s.i] == '\\' && s.i+1 < len(s.src) {
			s.i++
			if c := s.src[s.i]; c != '"' && c != '\\' {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(s.src[s.i])
		s.i++
	}
	if s.i < len(s.src) && s.src[s.i] == '"' {
		s.i++
	}
	return b.String()
}

// literalString scans a '...' or ”'...”' string and returns its contents.
func (s *tomlScanner) literalString() string {
	if strings.HasPrefix(s.src[s.i:], "'''") {
		s.i += 3
		start := s.i
		if j := strings.Index(s.src[s.i:], "'''"); j >= 0 {
			s.i += j + 3
			end := s.i - 3
			for k := 0; k < 2 && s.peek(0) == '\''; k++ {
				s.i++
				end++
			}
			return s.src[start:end]
		}
		s.i = len(s.src)
		return ""
	}
	s.i++
	start := s.i
	for s.i < len(s.src) && s.src[s.i] != '\'' && s.src[s.i] != '\n' {
		s.i++
	}
	v := s.src[start:s.i]
	if s.i < len(s.src) && s.src[s.i] == '\'' {
		s.i++
	}
	return v
}
