package value

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/deploy"
)

// Values that the code leaves to its environment get their values from
// where the running service keeps them (package deploy reads the files):
//
//   - An environment variable takes the value that the deploy files
//     (docker-compose, Kubernetes manifests, Helm charts) set for the
//     containers that run the service's code.
//   - A config field (c.Mysql.DataSource) or config key
//     (viper.GetString("redis.addr")) takes the value that the service's
//     config files (YAML, JSON or TOML files in the directories it owns,
//     and those elsewhere its code loads: servicemap.View.ConfigFiles)
//     hold at that key path.
//   - A value from a file may itself name environment variables (${VAR},
//     $VAR), which are bound in turn.
//
// Which workloads run a service's code is servicemap.View.Workloads'
// business. A value set differently in several places
// (compose and Kubernetes, config files per environment) gives one
// alternative per place: a call or connection is attributed only when
// every alternative attributes it to the same service.

// maxAlternatives bounds the alternatives of one value: holes bound
// independently multiply.
const maxAlternatives = 16

// maxBindDepth bounds how often a bound value's own references (${VAR} in a
// config value) are followed.
const maxBindDepth = 4

// A Bound value is one value v may take at run time, and where its parts
// came from ("docker-compose.yml:12").
type Bound struct {
	Value   Value
	Sources []string
}

// A Binding is what Bind knows of a value: its alternatives (at least one:
// the value itself when nothing could be bound) and, for -strict, why a
// part stayed unknown.
type Binding struct {
	Alternatives []Bound
	Why          []string
}

// Bind returns the values val may take where the view's service runs. It
// binds nothing outside a service's code, or when the view has no deploy
// tree.
func Bind(v *servicemap.View, val Value) Binding {
	b := Binding{Alternatives: []Bound{{Value: val}}}
	if v == nil || v.Owner.Service == "" || !bindable(val) || v.Deploy() == nil {
		return b
	}
	r := &runtime{service: v.Owner.Service, workloads: v.Workloads(), configs: v.ConfigFiles(), unread: unreadDeployFiles(v)}
	for range maxBindDepth {
		next, why, changed := r.bindOnce(b.Alternatives)
		b.Why = appendNew(b.Why, why...)
		b.Alternatives = next
		if !changed {
			break
		}
	}
	return b
}

// Changed reports whether Bind gave val, the value it was asked about,
// anything other than itself.
func (b Binding) Changed(val Value) bool {
	return len(b.Alternatives) != 1 || !b.Alternatives[0].Value.Equal(val)
}

// Attribute applies attr to every alternative and returns the service they
// all name, or "" when one names none or they disagree. A disagreement is
// added to why, with the alternatives and their sources.
func (b Binding) Attribute(attr func(Value) string) (string, []string) {
	why := slices.Clone(b.Why)
	first := ""
	for i, alt := range b.Alternatives {
		svc := attr(alt.Value)
		if svc == "" {
			if len(b.Alternatives) > 1 && alt.Value.Known() {
				why = appendNew(why, fmt.Sprintf("%s%s names no service", redact(alt.Value), from(alt.Sources)))
			}
			return "", why
		}
		if i == 0 {
			first = svc
		} else if svc != first {
			return "", appendNew(why, fmt.Sprintf("%s%s and %s%s name different services (%s, %s)",
				redact(b.Alternatives[0].Value), from(b.Alternatives[0].Sources), redact(alt.Value), from(alt.Sources), first, svc))
		}
	}
	return first, why
}

// Sources lists where the alternatives' values came from, sorted.
func (b Binding) Sources() []string {
	var out []string
	for _, alt := range b.Alternatives {
		out = appendNew(out, alt.Sources...)
	}
	sort.Strings(out)
	return out
}

func from(sources []string) string {
	if len(sources) == 0 {
		return ""
	}
	return " (" + strings.Join(sources, ", ") + ")"
}

// redact shows a value for reasons without credentials.
func redact(v Value) string { return dsn.Redact(v.Pattern("…")) }

func appendNew(list []string, items ...string) []string {
	for _, s := range items {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// bindable reports whether val has a part Bind may give a
func bindable(val Value) bool {
	return val.Has(Env) || val.Has(Config) || val.Has(ConfigField) || val.Has(Flag)
}

// runtime is what a service's code finds where it runs: its workloads'
// environments and its config files.
type runtime struct {
	service   string
	workloads []deploy.Workload
	configs   []*deploy.ConfigFile
	unread    []deploy.Problem // deploy files that may have set an env variable but could not be read
}

// unreadDeployFiles returns the problems of deploy files that may hold the
// service's environment: a file that gave no workload at all (it does not
// parse, or a path the map names does not exist), and a file of one of the
// service's own workloads (an env_file it names is missing). Problems of
// files whose workloads all run other services cannot hide its values.
func unreadDeployFiles(v *servicemap.View) []deploy.Problem {
	tree := v.Deploy()
	own, producing := map[string]bool{}, map[string]bool{}
	for _, w := range v.Workloads() {
		own[w.File] = true
	}
	for _, w := range tree.Workloads() {
		producing[w.File] = true
	}
	var out []deploy.Problem
	for _, p := range tree.Problems {
		if own[p.File] || !producing[p.File] {
			out = append(out, p)
		}
	}
	return out
}

// bindOnce binds every bindable part of every alternative once.
func (r *runtime) bindOnce(alts []Bound) (out []Bound, why []string, changed bool) {
	for _, alt := range alts {
		partial := []Bound{{Sources: alt.Sources}}
		for _, p := range alt.Value.Parts {
			choices, reason := r.bindPart(p)
			why = appendNew(why, reason...)
			if choices == nil {
				choices = []Bound{{Value: Of(p)}}
			} else {
				changed = true
			}
			partial = cross(partial, choices)
			if len(partial) > maxAlternatives {
				return alts, appendNew(why, "too many alternatives"), false
			}
		}
		out = append(out, partial...)
	}
	return dedupe(out), why, changed
}

// cross extends every prefix with every choice.
func cross(prefixes, choices []Bound) []Bound {
	out := make([]Bound, 0, len(prefixes)*len(choices))
	for _, p := range prefixes {
		for _, c := range choices {
			out = append(out, Bound{
				Value:   Concat(p.Value, c.Value),
				Sources: appendNew(slices.Clone(p.Sources), c.Sources...),
			})
		}
	}
	return out
}

func dedupe(alts []Bound) []Bound {
	var out []Bound
	for _, a := range alts {
		i := slices.IndexFunc(out, func(b Bound) bool { return b.Value.Equal(a.Value) })
		if i < 0 {
			out = append(out, a)
			continue
		}
		out[i].Sources = appendNew(out[i].Sources, a.Sources...)
	}
	return out
}

// bindPart returns the values part p takes, or nil when it is not bound
// (and why, when it could have been).
func (r *runtime) bindPart(p Part) ([]Bound, []string) {
	switch p.Kind {
	case Env:
		return r.env(p.EnvKeys()...)
	case Config:
		return r.config("config key "+p.Key, [][][]string{dottedPath(p.Key)}, false)
	case ConfigField:
		out, why := r.config("config field "+p.Key, ConfigFieldPaths(p), true)
		if out == nil && p.Default != "" {
			// No file sets it: the default its package's literal gives it.
			return []Bound{{Value: Lit(p.Default)}}, nil
		}
		return out, why
	case Flag:
		return r.flag(p.Key)
	}
	return nil, nil
}

// flag returns the values the service's workloads give flag name on their
// command lines (-orders-addr=orders:8080). A flag no workload sets keeps
// the default the code gives it: nil, and no reason, since nothing is
// missing.
func (r *runtime) flag(name string) ([]Bound, []string) {
	return r.settings("flag -"+name, func(w deploy.Workload) (deploy.Setting, bool) {
		s, ok := w.Flags[name]
		return s, ok
	})
}

// settings returns the values the service's workloads give one setting
// (what says picks from a workload), or why they cannot be told: one
// container that cannot tell is enough to not know.
func (r *runtime) settings(what string, pick func(deploy.Workload) (deploy.Setting, bool)) ([]Bound, []string) {
	var out []Bound
	var why []string
	for _, w := range r.workloads {
		s, ok := pick(w)
		switch {
		case !ok:
		case s.Unknown != "":
			why = appendNew(why, fmt.Sprintf("%s: %s (%s)", what, s.Unknown, position(s.File, s.Line)))
		default:
			out = append(out, Bound{Value: expand(s.Value), Sources: []string{position(s.File, s.Line)}})
		}
	}
	if len(why) > 0 {
		return nil, why
	}
	return dedupe(out), nil
}

// envNamed returns the values the service's workloads give an environment
// variable that a config key is named like (DB_URL, tagged
// mapstructure:"DB_URL" and read by viper with AutomaticEnv): the
// environment overrides config files in the loaders that read both. ok is
// false when no workload sets one.
func (r *runtime) envNamed(paths [][][]string) ([]Bound, bool) {
	for _, path := range paths {
		if len(path) != 1 {
			continue
		}
		for _, name := range path[0] {
			if !isEnvStyle(name) || !r.setsEnv(name) {
				continue
			}
			if out, why := r.env(name); len(why) == 0 {
				return out, true
			}
		}
	}
	return nil, false
}

// isEnvStyle reports whether a key is written as environment variables
// are: upper-case letters, digits and underscores, with an underscore.
func isEnvStyle(s string) bool {
	return strings.Contains(s, "_") && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == ""
}

func (r *runtime) setsEnv(name string) bool {
	for _, w := range r.workloads {
		if _, ok := w.Env[name]; ok {
			return true
		}
	}
	return false
}

// env returns the values the service's workloads give an environment
// variable. With several keys (a first-set chain), each workload gives the
// first of them it sets to a non-empty value.
func (r *runtime) env(keys ...string) ([]Bound, []string) {
	what := "env " + strings.Join(keys, " or ")
	out, why := r.settings(what, func(w deploy.Workload) (deploy.Setting, bool) {
		for _, key := range keys {
			if s, ok := w.Env[key]; ok && (s.Value != "" || s.Unknown != "" || len(keys) == 1) {
				return s, true
			}
		}
		return deploy.Setting{}, false
	})
	if len(out) == 0 && len(why) == 0 {
		why = append(why, fmt.Sprintf("%s: no value in the map, the config files or the deploy files of %s", what, r.service))
		for _, p := range r.unread {
			// A deploy file that cannot be read may set it: say so.
			why = append(why, fmt.Sprintf("%s cannot be read: %s", position(p.File, p.Line), p.Msg))
		}
	}
	return out, why
}

// config returns the values the service's config files hold at the first
// of the candidate key paths (outermost anchor first, see configField)
// that any of them has. A later candidate is a suffix of an earlier one,
// anchored lower in the document: where the file has the earlier one, the
// later one is another key (c.UserRpc.Etcd.Key is UserRpc.Etcd.Key, not
// the server's own Etcd.Key that zrpc.RpcClientConf's candidate reads).
// With lists, a key path may hold a sequence (go-zero's Endpoints): each
// item is one alternative.
func (r *runtime) config(what string, paths [][][]string, lists bool) ([]Bound, []string) {
	if out, ok := r.envNamed(paths); ok {
		return out, nil
	}
	var out []Bound
	for _, p := range paths {
		for _, f := range r.configs {
			values, line, ok := lookup(f, p, lists)
			if !ok {
				continue
			}
			for _, s := range values {
				out = append(out, Bound{Value: expand(s), Sources: []string{position(f.Path, line)}})
			}
		}
		if len(out) > 0 {
			break
		}
	}
	if len(out) == 0 {
		why := []string{fmt.Sprintf("%s: not in the config files of %s", what, r.service)}
		for _, f := range r.configs {
			if p := f.Problem(); p != nil {
				// A file that does not parse may hold it: say so.
				why = append(why, fmt.Sprintf("%s cannot be read: %s", position(p.File, p.Line), p.Msg))
			}
		}
		return nil, why
	}
	return dedupe(out), nil
}

// lookup returns the scalar at key path p in f, or with lists the
// scalars of the sequence there.
func lookup(f *deploy.ConfigFile, p [][]string, lists bool) ([]string, int, bool) {
	if lists {
		return f.LookupList(p)
	}
	s, line, ok := f.Lookup(p)
	return []string{s}, line, ok
}

func position(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// dottedPath splits a viper-style key ("redis.addr") into a key path.
func dottedPath(key string) [][]string {
	var path [][]string
	for _, seg := range strings.Split(key, ".") {
		path = append(path, []string{seg})
	}
	return path
}

// expandText reads the environment references in the known text of v
// (os.ExpandEnv): see expand.
func expandText(v Value) Value {
	return v.Replace(func(p Part) (Value, bool) {
		if p.Kind != Text {
			return Value{}, false
		}
		return expand(p.Text), true
	})
}

// expand reads the environment references in a value from a file:
// ${VAR}, ${VAR:-default} and $VAR become Env parts (with their default).
func expand(s string) Value {
	var out Value
	for {
		i := strings.IndexByte(s, '$')
		if i < 0 || i == len(s)-1 {
			return Concat(out, Lit(s))
		}
		out = Concat(out, Lit(s[:i]))
		rest := s[i+1:]
		key, def, n := envRef(rest)
		if n == 0 {
			out = Concat(out, Lit("$"))
			s = rest
			continue
		}
		out = Concat(out, Of(Part{Kind: Env, Key: key, Text: def}))
		s = rest[n:]
	}
}

// envRef reads a reference after "$": {NAME}, {NAME:-def}, {NAME-def} or
// NAME. n is how much it used, 0 when it is none.
func envRef(s string) (key, def string, n int) {
	if strings.HasPrefix(s, "{") {
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return "", "", 0
		}
		body := s[1:end]
		key = body
		if i := strings.IndexAny(body, ":-"); i >= 0 {
			key = body[:i]
			def = strings.TrimPrefix(strings.TrimPrefix(body[i:], ":"), "-")
		}
		if !isEnvName(key) {
			return "", "", 0
		}
		return key, def, end + 1
	}
	for n < len(s) && (s[n] == '_' || 'A' <= s[n] && s[n] <= 'Z' || 'a' <= s[n] && s[n] <= 'z' || n > 0 && '0' <= s[n] && s[n] <= '9') {
		n++
	}
	return s[:n], "", n
}

func isEnvName(s string) bool {
	if s == "" {
		return false
	}
	_, _, n := envRef(s)
	return n == len(s)
}

// formatText returns the text of a format that the service's files hold
// (fmt.Sprintf(c.MySQL.DSN, os.Getenv("MYSQL_USER"), ...), with the DSN
// template "%s:%s@tcp(%s:3306)/cart" in conf/<env>/conf.yaml): the
// arguments then fill its verbs as those of a constant format do. ok is
// false unless every alternative gives the same known text: a format
// that differs between files, or that a file does not give, is not
// guessed.
func formatText(v *servicemap.View, format Value) (string, bool) {
	if !bindable(format) {
		return "", false
	}
	b := Bind(v, format)
	text, ok := b.Alternatives[0].Value.Text()
	for _, alt := range b.Alternatives[1:] {
		if t, known := alt.Value.Text(); !known || t != text {
			return "", false
		}
	}
	return text, ok && b.Changed(format)
}
