package deploy

import (
	"encoding/json"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// A ConfigFile is a YAML, JSON or TOML file that service code may load.
// It is parsed when first looked into.
type ConfigFile struct {
	Path   string // relative to root, slash-separated
	Format string // "yaml", "json" or "toml"

	data    []byte
	once    sync.Once
	root    *yaml.Node
	problem *Problem
}

// ConfigFiles returns the parsed config files (YAML, JSON, TOML) found below any of
// dirs (relative to root; "" or "." means root), excluding deploy files (compose files, Kubernetes manifests,
// helm templates), OpenAPI/Swagger documents, package.json/tsconfig-like tooling files, and files over 1 MiB.
func (t *Tree) ConfigFiles(dirs ...string) []*ConfigFile {
	var out []*ConfigFile
	for _, rel := range sortedKeys(t.configs) {
		for _, dir := range dirs {
			if under(rel, cleanRel(dir)) {
				out = append(out, t.configs[rel])
				break
			}
		}
	}
	return out
}

// ConfigFile returns the config file at path (relative to root) if it is one, parsed, or nil.
func (t *Tree) ConfigFile(p string) *ConfigFile {
	return t.configs[cleanRel(p)]
}

// Problem returns why the file cannot be read as config, or nil. Lookup
// finds nothing in such a file.
func (f *ConfigFile) Problem() *Problem {
	f.parse()
	return f.problem
}

// Lookup returns the scalar at a key path anchored at the document root. Each segment matches a mapping key
// case-insensitively against any of its Names (a Go field name and its tag names). ok is false when the path
// does not exist or does not end at a scalar (a null is no value). Scalars render as text (numbers and bools
// as written; TOML numbers as Go formats them, and TOML lines are 0).
func (f *ConfigFile) Lookup(keys [][]string) (value string, line int, ok bool) {
	f.parse()
	n := f.root
	for _, names := range keys {
		n = getFold(n, names)
		if n == nil {
			return "", 0, false
		}
	}
	v, ok := scalar(n)
	if !ok {
		return "", 0, false
	}
	return v, n.Line, true
}

// LookupList is Lookup for keys that hold several addresses (go-zero's
// Etcd.Hosts, a list of Kafka brokers): the scalars of the sequence at the
// key path, or the one scalar there. ok is false when the path does not
// exist or holds anything else (a mapping, a sequence with a non-scalar).
func (f *ConfigFile) LookupList(keys [][]string) (values []string, line int, ok bool) {
	f.parse()
	n := f.root
	for _, names := range keys {
		n = getFold(n, names)
		if n == nil {
			return nil, 0, false
		}
	}
	if v, ok := scalar(n); ok {
		return []string{v}, n.Line, true
	}
	if n.Kind != yaml.SequenceNode {
		return nil, 0, false
	}
	for _, item := range items(n) {
		v, ok := scalar(item)
		if !ok {
			return nil, 0, false
		}
		values = append(values, v)
	}
	return values, n.Line, true
}

// getFold returns the value of the first key of mapping n that equals any
// of names, ignoring case: viper, go-zero and encoding/json all match keys so.
func getFold(n *yaml.Node, names []string) *yaml.Node {
	for _, kv := range pairs(n) {
		for _, name := range names {
			if strings.EqualFold(kv.key.Value, name) {
				return deref(kv.value)
			}
		}
	}
	return nil
}

func (f *ConfigFile) parse() {
	f.once.Do(func() {
		var err error
		switch f.Format {
		case "toml":
			f.root, err = parseTOML(f.data)
		case "json":
			f.root, err = parseJSON(f.data)
		default:
			var doc yaml.Node
			err = yaml.Unmarshal(f.data, &doc)
			f.root = deref(&doc)
		}
		if err != nil {
			f.root = nil
			f.problem = &Problem{File: f.Path, Line: yamlErrLine(err), Msg: "cannot parse config file: " + err.Error()}
		}
	})
}

// parseJSON reads JSON through yaml.v3, which keeps lines (JSON is YAML),
// and falls back to encoding/json, without lines, for the rare document
// yaml.v3 reads differently.
func parseJSON(data []byte) (*yaml.Node, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil {
		return deref(&doc), nil
	}
	return toNode(v, 0), nil
}

func parseTOML(data []byte) (*yaml.Node, error) {
	var v map[string]any
	if _, err := toml.Decode(string(data), &v); err != nil {
		return nil, err
	}
	return toNode(v, 0), nil
}

// toNode converts a decoded JSON or TOML value into a node tree, keys sorted.
func toNode(v any, depth int) *yaml.Node {
	if depth > 100 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, toNode(v[k], depth+1))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, item := range v {
			n.Content = append(n.Content, toNode(item, depth+1))
		}
		return n
	case []map[string]any: // TOML arrays of tables
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, item := range v {
			n.Content = append(n.Content, toNode(item, depth+1))
		}
		return n
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: scalarText(v)}
}

func scalarText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case json.Number:
		return v.String()
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case interface{ String() string }:
		return v.String()
	}
	return ""
}

// toolingFiles are YAML, JSON and TOML files that configure tools, not services.
var toolingFiles = map[string]bool{
	"package.json": true, "package-lock.json": true, "composer.json": true, "lerna.json": true,
	"angular.json": true, "nx.json": true, "turbo.json": true, "deno.json": true, "renovate.json": true,
	"vercel.json": true, "netlify.toml": true, "cargo.toml": true, "pyproject.toml": true,
	"pnpm-lock.yaml": true, "pnpm-workspace.yaml": true, "buf.yaml": true, "buf.gen.yaml": true,
	"buf.work.yaml": true, "buf.lock": true, "codecov.yml": true, "codecov.yaml": true, "mkdocs.yml": true,
	"mkdocs.yaml": true, "taskfile.yml": true, "taskfile.yaml": true, "cloudbuild.yaml": true,
	"goreleaser.yml": true, "goreleaser.yaml": true, "sqlc.yaml": true, "sqlc.yml": true, "sqlc.json": true,
	"gqlgen.yml": true, "gqlgen.yaml": true, "kustomization.yaml": true, "kustomization.yml": true,
	"couplingvet.yaml": true, "couplingvet.yml": true, "couplingvet.toml": true, "devcontainer.json": true,
	"swagger.json": true, "swagger.yaml": true, "openapi.json": true, "openapi.yaml": true,
	"chart.yaml": true, "skaffold.yaml": true, "tilt.json": true, "cliff.toml": true, "typos.toml": true,
	"revive.toml": true, "air.toml": true, "mockery.yaml": true, "oapi-codegen.yaml": true,
	"catalog-info.yaml": true,
}

// isConfigCandidate reports whether a file read by the scan is a config
// file a service may load (deploy files are excluded by the caller).
func isConfigCandidate(rel string, data []byte, charts []string) bool {
	name := strings.ToLower(path.Base(rel))
	if strings.HasPrefix(name, ".") || toolingFiles[name] || chartOf(rel, charts) != "" {
		return false
	}
	if strings.HasPrefix(name, "tsconfig") || strings.HasPrefix(name, "jsconfig") || strings.HasSuffix(name, ".schema.json") {
		return false
	}
	switch path.Ext(name) {
	case ".yaml", ".yml", ".json", ".toml":
	default:
		return false
	}
	return !hasTopKey(data, "openapi") && !hasTopKey(data, "swagger")
}

// configFormat returns the format of a config file by its extension.
func configFormat(rel string) string {
	switch strings.ToLower(path.Ext(rel)) {
	case ".json":
		return "json"
	case ".toml":
		return "toml"
	}
	return "yaml"
}
