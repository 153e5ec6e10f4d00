package boundaries

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// A node is the format-neutral tree the YAML and TOML front ends produce:
// every value and every mapping key carries the position it came from, so
// the one strict decoder (decode.go) can report file:line:col for both.
type node struct {
	kind      nodeKind
	line, col int

	// scalars
	value string    // the scalar's text (for dates: as written)
	typ   string    // "string", "int", "float", "bool", "date", "null"
	time  time.Time // for typ == "date"

	// mappings: keys[i] (a scalar node) maps to vals[i], in source order
	keys []*node
	vals []*node

	// lists
	items []*node
}

type nodeKind int

const (
	scalarNode nodeKind = iota
	mapNode
	listNode
)

// describe names a node's type the way a user reads it in an error.
func (n *node) describe() string {
	switch n.kind {
	case mapNode:
		return "a mapping"
	case listNode:
		return "a list"
	}
	switch n.typ {
	case "string":
		return fmt.Sprintf("the string %q", n.value)
	case "null":
		return "an empty value"
	}
	return fmt.Sprintf("the %s %s", n.typ, n.value)
}

// maxNodes bounds the tree a map may expand to. YAML aliases can make a small
// file expand exponentially ("billion laughs"); a real map is far smaller.
const maxNodes = 100_000

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses data into a node tree. Duplicate keys are reported here
// because yaml.Node keeps them silently.
func parseYAML(file string, data []byte) (*node, Errors) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Errors{yamlSyntaxError(file, err)}
	}
	c := &yamlConverter{file: file}
	root := &node{kind: mapNode, line: 1, col: 1}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		root = c.convert(doc.Content[0], "", 0)
	}
	return root, c.errs
}

func yamlSyntaxError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = strings.Join(te.Errors, "; ")
	}
	return &Error{File: file, Line: line, Msg: "YAML syntax error: " + msg, Fix: "correct the YAML syntax"}
}

type yamlConverter struct {
	file  string
	errs  Errors
	count int
	open  map[*yaml.Node]bool // nodes being converted: an alias to one is a cycle
}

func (c *yamlConverter) errorf(n *yaml.Node, key, fix, format string, args ...any) {
	c.errs = append(c.errs, &Error{File: c.file, Line: n.Line, Column: n.Column, Key: key, Msg: fmt.Sprintf(format, args...), Fix: fix})
}

func (c *yamlConverter) convert(n *yaml.Node, path string, depth int) *node {
	c.count++
	out := &node{line: n.Line, col: n.Column}
	if c.count > maxNodes || depth > 100 {
		if c.count == maxNodes+1 || depth == 101 {
			c.errorf(n, path, "write the map without deep nesting or alias expansion", "map is too large or too deeply nested")
		}
		out.typ = "null"
		return out
	}
	if c.open == nil {
		c.open = map[*yaml.Node]bool{}
	}
	c.open[n] = true
	defer delete(c.open, n)
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil || c.open[n.Alias] {
			if n.Alias != nil {
				c.errorf(n, path, "remove the alias", "alias refers to a value that contains it")
			}
			out.typ = "null"
			return out
		}
		a := c.convert(n.Alias, path, depth+1)
		a2 := *a
		a2.line, a2.col = n.Line, n.Column
		return &a2
	case yaml.MappingNode:
		out.kind = mapNode
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				c.errorf(k, path, "use a plain word as the key", "a key must be a string, not a %s", kindName(k.Kind))
				continue
			}
			sub := joinKey(path, k.Value)
			if first, dup := seen[k.Value]; dup {
				c.errorf(k, sub, "remove one of them or merge their values", "duplicate key %q (first at line %d)", k.Value, first)
				continue
			}
			seen[k.Value] = k.Line
			out.keys = append(out.keys, &node{kind: scalarNode, line: k.Line, col: k.Column, value: k.Value, typ: "string"})
			out.vals = append(out.vals, c.convert(v, sub, depth+1))
		}
	case yaml.SequenceNode:
		out.kind = listNode
		for i, item := range n.Content {
			out.items = append(out.items, c.convert(item, fmt.Sprintf("%s[%d]", path, i), depth+1))
		}
	case yaml.ScalarNode:
		out.value = n.Value
		switch n.ShortTag() {
		case "!!int":
			out.typ = "int"
		case "!!float":
			out.typ = "float"
		case "!!bool":
			out.typ = "bool"
		case "!!null":
			out.typ = "null"
		case "!!timestamp":
			out.typ = "date"
			if t, ok := parseDate(n.Value); ok {
				out.time = t
			} else {
				out.typ = "string"
			}
		default:
			out.typ = "string"
		}
	default:
		out.typ = "null"
	}
	return out
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "scalar"
}

// parseDate accepts the date forms a map may use for expires.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// joinKey appends a key to a dotted path.
func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
