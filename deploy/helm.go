package deploy

import (
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// isHelmTemplate reports whether rel is a manifest template of a chart:
// a YAML file in the chart's templates directory, not a helm test hook.
func isHelmTemplate(rel string, charts []string) bool {
	chart := chartOf(rel, charts)
	if chart == "" {
		return false
	}
	ext := strings.ToLower(path.Ext(rel))
	templates := path.Join(chart, "templates")
	return (ext == ".yaml" || ext == ".yml") && under(rel, templates) && !under(rel, path.Join(templates, "tests"))
}

// A chart is what a template can read: values.yaml and Chart.yaml.
type chart struct {
	dir    string
	values *yaml.Node
	meta   *yaml.Node
}

var (
	helmActionIndex = regexp.MustCompile(`(?s)\{\{(-\s)?(.*?)(\s-)?\}\}`)
	helmSentinel    = regexp.MustCompile(`CVHELM(\d+)X`)
	helmToken       = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\S+`)
)

// parseHelm renders a chart template the little that can be rendered
// without Helm, then reads it as manifests. Each action that prints a
// literal of values.yaml or Chart.yaml becomes that literal; every other
// printing action makes its scalar unknown; control actions (if, range,
// include | nindent, ...) are dropped, so both branches of an if are read.
func (p *parser) parseHelm(rel string, data []byte) {
	if !isHelmTemplate(rel, p.charts) {
		return
	}
	c := p.chart(chartOf(rel, p.charts))
	t := &helmTemplate{chart: c, markBlocks: true}
	text, lines := t.render(string(data))
	if !parses(text) {
		// A marker where the block was a list item: read the template
		// without markers rather than not at all.
		t.markBlocks = false
		text, lines = t.render(string(data))
	}
	p.chartName, p.chartDir = str(get(c.meta, "name")), c.dir
	defer func() { p.chartName, p.chartDir = "", "" }()
	p.parseManifests(rel, []byte(text), t.scalar, lines)
}

func (p *parser) chart(dir string) *chart {
	c := &chart{dir: dir}
	for _, f := range []struct {
		name string
		into **yaml.Node
	}{{"values.yaml", &c.values}, {"Chart.yaml", &c.meta}} {
		rel := path.Join(dir, f.name)
		data, ok := p.read(rel)
		if !ok {
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			p.tree.problem(rel, yamlErrLine(err), "cannot parse "+f.name+": "+err.Error()+" (the chart's values are unknown)")
			continue
		}
		*f.into = deref(&doc)
	}
	return c
}

type helmTemplate struct {
	chart      *chart
	markBlocks bool        // print unknownBlock for a block whose content cannot be told
	printed    []helmValue // by sentinel number
}

// unknownBlock is the mapping key printed where a template includes a block
// it cannot tell (include "chart.selectorLabels" . | nindent 4), so that
// labels and selectors with such a block are unknown rather than empty.
const unknownBlock = "cvhelm-unknown-block"

type helmValue struct{ value, unknown string }

// render executes the template the way text/template would for the
// actions it can follow, trim markers included ({{- and -}} eat the
// whitespace beside them, so a control action on its own line vanishes).
// lines maps each output line to its line in the template, so that lines
// in Settings and Problems are the template's lines.
func (t *helmTemplate) render(src string) (text string, lines []int) {
	t.printed = nil
	var out strings.Builder
	lines = []int{1}
	srcLine := 1
	emit := func(s string, fromSource bool) {
		for _, r := range s {
			out.WriteRune(r)
			if r == '\n' {
				if fromSource {
					srcLine++
				}
				lines = append(lines, srcLine)
			}
		}
	}
	trimRight := func() {
		kept := strings.TrimRight(out.String(), " \t\r\n")
		lines = lines[:len(lines)-strings.Count(out.String()[len(kept):], "\n")]
		out.Reset()
		out.WriteString(kept)
	}
	pos := 0
	for _, m := range helmActionIndex.FindAllStringSubmatchIndex(src, -1) {
		emit(src[pos:m[0]], true)
		if m[3] > m[2] { // {{-
			trimRight()
		}
		action := src[m[0]:m[1]]
		atLine := srcLine
		srcLine += strings.Count(action, "\n")
		lineAt := len(lines)
		emit(t.replace(strings.TrimSpace(src[m[4]:m[5]])), false)
		for i := lineAt; i < len(lines); i++ {
			lines[i] = atLine
		}
		pos = m[1]
		if m[7] > m[6] { // -}}
			rest := strings.TrimLeft(src[pos:], " \t\r\n")
			srcLine += strings.Count(src[pos:len(src)-len(rest)], "\n")
			pos = len(src) - len(rest)
		}
	}
	emit(src[pos:], true)
	return out.String(), lines
}

func (t *helmTemplate) replace(body string) string {
	if strings.HasPrefix(body, "/*") {
		return ""
	}
	tokens := helmToken.FindAllString(body, -1)
	if len(tokens) == 0 {
		return ""
	}
	switch tokens[0] {
	case "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue":
		return ""
	}
	if strings.HasPrefix(tokens[0], "$") && len(tokens) > 1 && (tokens[1] == ":=" || tokens[1] == "=") {
		return "" // a variable assignment prints nothing
	}
	commands := splitPipeline(body)
	if hasCommand(commands, "toYaml") {
		if block := t.toYaml(commands); block != "" {
			return block
		}
	}
	if hasCommand(commands, "nindent") || hasCommand(commands, "indent") {
		return t.unknownBlock(commands) // a block from a named template: its content cannot be told
	}
	value, unknown := t.evaluate(commands)
	if unknown != "" {
		unknown = "the Helm template action {{ " + body + " }} " + unknown
	}
	t.printed = append(t.printed, helmValue{value, unknown})
	return fmt.Sprintf("CVHELM%dX", len(t.printed)-1)
}

// toYaml prints a structure of values.yaml as Helm does: block YAML,
// indented by nindent or indent, or on one line (JSON is YAML) without.
func (t *helmTemplate) toYaml(commands [][]string) string {
	n := t.valuesNode(commands)
	if n == nil || !withinBudget(n, new(int)) {
		return "" // nothing, or an alias bomb or cycle: nothing a chart means
	}
	if _, _, ok := indentation(commands); !ok {
		return flowJSON(n)
	}
	data, err := yaml.Marshal(n)
	if err != nil {
		return ""
	}
	return indentBlock(strings.TrimRight(string(data), "\n"), commands)
}

// unknownBlock returns what stands for a block that cannot be told: a
// mapping key at the block's indentation when markBlocks, else nothing.
func (t *helmTemplate) unknownBlock(commands [][]string) string {
	if !t.markBlocks {
		return ""
	}
	return indentBlock(unknownBlock+`: ""`, commands)
}

// indentation returns the width of the pipeline's nindent or indent, and
// whether it starts a new line (nindent).
func indentation(commands [][]string) (width int, newline, ok bool) {
	for _, c := range commands {
		if len(c) != 2 || c[0] != "nindent" && c[0] != "indent" {
			continue
		}
		width, err := strconv.Atoi(c[1])
		if err != nil || width < 0 || width > 200 {
			return 0, false, false
		}
		return width, c[0] == "nindent", true
	}
	return 0, false, false
}

// indentBlock indents text as the pipeline's nindent or indent does; ""
// without one.
func indentBlock(text string, commands [][]string) string {
	width, newline, ok := indentation(commands)
	if !ok {
		return ""
	}
	pad := strings.Repeat(" ", width)
	block := pad + strings.ReplaceAll(text, "\n", "\n"+pad)
	if newline {
		block = "\n" + block
	}
	return block
}

// parses reports whether every document of text is YAML.
func parses(text string) bool {
	dec := yaml.NewDecoder(strings.NewReader(text))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err != nil {
			return errors.Is(err, io.EOF)
		}
	}
}

// splitPipeline splits an action into commands at the | outside quotes.
func splitPipeline(body string) [][]string {
	var commands [][]string
	var cur []string
	for _, tok := range helmToken.FindAllString(body, -1) {
		if tok == "|" {
			commands = append(commands, cur)
			cur = nil
			continue
		}
		cur = append(cur, tok)
	}
	return append(commands, cur)
}

func hasCommand(commands [][]string, name string) bool {
	for _, c := range commands {
		if len(c) > 0 && c[0] == name {
			return true
		}
	}
	return false
}

// evaluate runs a pipeline of the forms charts use for env values:
// .Values.a.b, .Chart.Name, with quote, squote, toString and default.
func (t *helmTemplate) evaluate(commands [][]string) (string, string) {
	value, set, unknown := "", false, ""
	for i, c := range commands {
		if len(c) == 0 {
			return "", "is not a pipeline couplingvet reads"
		}
		args := c
		if i == 0 && !strings.HasPrefix(c[0], ".") {
			args = c[1:] // a function with its own arguments: default "x" .Values.a
		} else if i > 0 {
			args = c[1:] // a function that takes the piped value last
		}
		name := c[0]
		if i == 0 && strings.HasPrefix(name, ".") {
			name = ""
		}
		switch name {
		case "":
			value, set, unknown = t.operand(c[0])
		case "quote", "squote", "toString":
			if i == 0 && len(args) == 1 {
				value, set, unknown = t.operand(args[0])
			}
		case "default":
			if len(args) == 0 {
				return "", "is not a pipeline couplingvet reads"
			}
			if i == 0 && len(args) == 2 {
				value, set, unknown = t.operand(args[1])
			}
			if !set || value == "" {
				value, set, unknown = t.operand(args[0])
			}
		default:
			return "", "uses " + name + ", which couplingvet does not evaluate"
		}
		if unknown != "" {
			return "", unknown
		}
	}
	if !set {
		return "", "has no value in " + path.Join(t.chart.dir, "values.yaml")
	}
	return value, ""
}

// operand returns the value of a literal, .Values.path or .Chart.field.
func (t *helmTemplate) operand(tok string) (value string, set bool, unknown string) {
	switch {
	case strings.HasPrefix(tok, `"`):
		s, err := strconv.Unquote(tok)
		return s, err == nil, ""
	case strings.HasPrefix(tok, ".Values."):
		n := lookupExact(t.chart.values, strings.Split(strings.TrimPrefix(tok, ".Values."), "."))
		if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return "", false, ""
		}
		if n.Kind != yaml.ScalarNode {
			return "", false, "prints a structure of values.yaml, not a literal"
		}
		return n.Value, true, ""
	case tok == ".Chart.Name", tok == ".Chart.Version", tok == ".Chart.AppVersion":
		field := strings.TrimPrefix(tok, ".Chart.")
		v, ok := scalar(get(t.chart.meta, strings.ToLower(field[:1])+field[1:]))
		return v, ok, ""
	case tok == "true", tok == "false", len(tok) > 0 && (tok[0] >= '0' && tok[0] <= '9' || tok[0] == '-'):
		return tok, true, ""
	}
	return "", false, "depends on " + tok + ", known only when Helm renders the chart"
}

// valuesNode returns the values.yaml node a toYaml pipeline prints.
func (t *helmTemplate) valuesNode(commands [][]string) *yaml.Node {
	for _, c := range commands {
		for _, tok := range c {
			if strings.HasPrefix(tok, ".Values.") {
				n := lookupExact(t.chart.values, strings.Split(strings.TrimPrefix(tok, ".Values."), "."))
				if n != nil && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
					return n
				}
				return nil
			}
		}
	}
	return nil
}

func lookupExact(n *yaml.Node, keys []string) *yaml.Node {
	for _, k := range keys {
		n = get(n, k)
		if n == nil {
			return nil
		}
	}
	return n
}

// flowJSON writes a values.yaml structure on one line, in JSON (which is
// YAML flow style), so that the template keeps its line numbers.
func flowJSON(n *yaml.Node) string {
	if !withinBudget(n, new(int)) {
		return ""
	}
	var b strings.Builder
	writeFlow(&b, n, 0)
	return b.String()
}

// maxRenderNodes bounds what toYaml prints, aliases followed: values.yaml
// may hold an alias cycle or an alias bomb, which Helm itself refuses.
const maxRenderNodes = 10000

// withinBudget reports whether n, its aliases followed, has at most
// maxRenderNodes nodes; seen counts the nodes visited so far.
func withinBudget(n *yaml.Node, seen *int) bool {
	if n == nil {
		return true
	}
	if *seen++; *seen > maxRenderNodes {
		return false
	}
	if n.Kind == yaml.AliasNode {
		return withinBudget(n.Alias, seen)
	}
	for _, c := range n.Content {
		if !withinBudget(c, seen) {
			return false
		}
	}
	return true
}

func writeFlow(b *strings.Builder, n *yaml.Node, depth int) {
	n = deref(n)
	switch {
	case n == nil || depth > 50:
		b.WriteString("null")
	case n.Kind == yaml.MappingNode:
		b.WriteByte('{')
		for i, kv := range pairs(n) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(kv.key.Value) + ": ")
			writeFlow(b, kv.value, depth+1)
		}
		b.WriteByte('}')
	case n.Kind == yaml.SequenceNode:
		b.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				b.WriteString(", ")
			}
			writeFlow(b, item, depth+1)
		}
		b.WriteByte(']')
	case n.Tag == "!!null":
		b.WriteString("null")
	default:
		b.WriteString(strconv.Quote(n.Value))
	}
}

// scalar is the render of a Helm template: sentinels become the values
// they stand for.
func (t *helmTemplate) scalar(n *yaml.Node) (string, string) {
	text := str(n)
	unknown := ""
	value := helmSentinel.ReplaceAllStringFunc(text, func(s string) string {
		i, _ := strconv.Atoi(helmSentinel.FindStringSubmatch(s)[1])
		if i >= len(t.printed) {
			return s
		}
		if t.printed[i].unknown != "" && unknown == "" {
			unknown = t.printed[i].unknown
		}
		return t.printed[i].value
	})
	return value, unknown
}
