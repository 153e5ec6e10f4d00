// Package value resolves string-valued expressions statically and
// conservatively, for analyzers that need to know where a program connects:
// a DSN passed to sql.Open, a URL passed to http.Get, an address passed to
// grpc.NewClient.
//
// A resolved Value is a sequence of Parts. A part is either known text or a
// hole that says where the text would come from at run time: an environment
// variable, a command-line flag, a configuration key, a parameter of the
// enclosing function (so that wrapper functions can be summarised as facts),
// a field of a struct, or something unknown. Partially known values are
// normal: in
//
//	fmt.Sprintf("postgres://%s:%s@orders-db:5432/orders", user, pass)
//
// the host, port and database are known while the credentials are holes.
//
// Resolution never guesses. A variable assigned in several places resolves
// only when every assignment resolves to the same value (or to an
// environment variable and a default, the getenv idiom below); a variable
// whose address is taken is unknown, unless the address goes to a flag
// definition (flag.StringVar, pflag, cobra: flags.go) or to a function
// whose store summary says what it stores there (mustMapEnv(&addr, "KEY"):
// stores.go). A parameter reassigned in its function's own statements
// resolves at each read to the last reassignment before it (params.go).
// Fields of configuration structs kept in variables (cfg.Addr =
// os.Getenv(...)) resolve the same way from the package's writes to them
// (fields.go), and unexported fields read through a pointer
// (svc.ordersAddr in a method) from every write of the package to that
// field, when they agree (typefields.go). Fields of a struct parameter of
// a type of the package (cfg.Host in func Open(cfg Config)) are ParamField
// parts that a call fills from its argument (paramfields.go). Other fields
// of the package's
// types stay Field parts, which package sinks follows to the literals that
// set them. A field that only importing packages set (package cmd filling
// frontend.ConfigOptions{DriverHostPort: ...}) is not followed: facts flow
// from a package to its importers, never back, so frontend cannot know
// what cmd writes; package sinks keeps such a use with a hole naming the
// field, for -strict.
//
// Writes in _test.go files count only for expressions in _test.go files.
// A package with tests is analysed together with them (go vet analyses
// "p [p.test]"), and tests often override what production code reads
// (ordersURL = srv.URL, cfg.Addr = srv.Listener.Addr().String()); the
// production binary holds none of that, so production code resolves,
// reports and exports facts exactly as it does without its tests, while
// test code sees every write of the package, its own and production's.
//
// Calls to functions of the repository resolve through return summaries:
// what a function returns, with its parameters as holes that a call site
// fills with its arguments (Value.Subst). A function whose returns disagree
// is unknown, except for the getenv idiom, an environment variable or else a
// default:
//
//	func getenv(key, def string) string {
//		if v := os.Getenv(key); v != "" {
//			return v
//		}
//		return def
//	}
//
// summarised as an EnvParam part (the key is parameter 0, the default
// parameter 1), so that getenv("ORDERS_URL", "http://orders:8080") resolves
// to the Env part ORDERS_URL with the default http://orders:8080. A config
// helper that looks up a key its caller names (viper.GetString(key),
// s.values[key]) is summarised the same way, as a ConfigParam part. Summaries
// of exported functions travel to other packages of the repository as facts
// (ReturnsFact).
//
// Exported package-level variables of string type travel the same way
// (VarFact, vars.go): the value the variable's own package resolves it to
// from all its writes there, the initialiser included, when they agree
// (var MessagePubTopic = "rc.msg.pub", never assigned again, no &V, no
// flag.StringVar(&V, ...)). An importer reads chat.MessagePubTopic from
// the fact, parts and all, so that an environment variable stays one. Its
// own writes to the variable count like any other (they must agree with
// the fact), and a write in a package it depends on makes the variable
// unknown (WritesFact). A write in a package that is not a dependency of
// the reader (a main package setting config.OrdersURL from a flag before
// it calls the reader) is not seen: the reader resolves the declared
// value, which is what the program uses unless overridden, like a flag's
// default.
//
// A field of a configuration struct that a loader fills at run time
// (c.Mysql.DataSource, with c's type declared in another package) is a
// ConfigField part carrying the key paths it may have in a config file
// (configfield.go). What the code leaves to its environment is completed
// by Bind, for the service whose code is analysed: Env parts from the
// values deploy files set for its containers, Config and ConfigField parts
// from its config files, with one alternative per place that sets a value
// (bind.go; the files are package deploy's).
package value

import (
	"fmt"
	"slices"
	"strings"
)

// Kind says what a Part of a Value is.
type Kind uint8

const (
	Text    Kind = iota // known text, in Part.Text
	Env                 // environment variable Part.Key; Part.Text is a default if one is known
	Flag                // command-line flag named Part.Key; Part.Text is its default value
	Config              // configuration key Part.Key (cfg["Key"], viper.GetString("key"), koanf's k.String("key"))
	Param               // parameter Part.Index (named Part.Key) of the enclosing function
	Field               // struct field Part.Key ("pkgpath.Type.field") of the receiver or a value
	Unknown             // not resolvable; Part.Key says why, for -strict listings
	// EnvParam is an environment variable whose key is parameter Part.Index
	// (named Part.Key) of the enclosing function: the summary of a getenv
	// helper. Part.Text is a default if one is known. Subst turns it into an
	// Env part when the call site's argument is a known key.
	EnvParam
	// ConfigParam is a configuration key that is parameter Part.Index
	// (named Part.Key) of the enclosing function: the summary of a config
	// helper (func cfg(key string) string { return viper.GetString(key) }).
	// Subst turns it into a Config part when the argument is a known key.
	ConfigParam
	// ConfigField is a field of a configuration struct that a loader fills
	// from a file at run time (c.Mysql.DataSource): Part.Key names the
	// field for messages, Part.Text lists the key paths it may have in the
	// file (see ConfigFieldPaths and configfield.go).
	ConfigField
	// ParamField is a field of a struct parameter Part.Index of the
	// enclosing function: Part.Key is the parameter's name and the field's
	// path, "cfg.Host" or "cfg.DB.Host". It is how a wrapper that takes its
	// target as a configuration struct (sqldb.Open(cfg Config) building a
	// DSN from cfg.Host and cfg.Name) is summarised; SubstFields fills it
	// from the field of the call's argument.
	ParamField
)

var kindNames = [...]string{"text", "env", "flag", "config", "param", "field", "unknown", "envparam", "configparam", "configfield", "paramfield"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// A Part is one piece of a Value.
type Part struct {
	Kind  Kind
	Text  string // Text: the text; Env, Flag: the default value ("" if none); Param, ParamField: "/" for a URL path that gets a leading "/" (leadingSlash)
	Key   string // Env, Flag, Config: the key; Param: the parameter's name; Field: pkgpath.Type.field; ParamField: param.Field.Path; Unknown: the reason
	Index int    // Param, EnvParam, ConfigParam, ParamField: the parameter's index in the signature (receiver excluded)
	// DefaultParam, for Env and EnvParam parts, is one more than the index
	// of the parameter whose argument is the default (0: none, or the
	// default is Text). Consumers that do not know it see an environment
	// variable without a known default, which is true until Subst.
	DefaultParam int
	// Then, for Env parts, lists the environment variables read in turn
	// when Key is unset or empty, separated by commas ("ORDERS_DB_URL,DB_URL"):
	// getenv("A", getenv("B", "x")), cmp.Or(os.Getenv("A"), os.Getenv("B")).
	// Text, if any, is the default after all of them. A string, not a
	// slice, so that parts stay comparable.
	Then string
	// Default, for ConfigField parts, is the value the field keeps when
	// no config file sets it: what its package's literal writes before a
	// decoder fills it (FieldFact.Default).
	Default string
}

// EnvKeys returns the keys an Env part reads, in order: Key, then Then's.
func (p Part) EnvKeys() []string {
	if p.Then == "" {
		return []string{p.Key}
	}
	return append([]string{p.Key}, strings.Split(p.Then, ",")...)
}

// A Value is a resolved string: the concatenation of its parts. The zero
// Value is the empty string. Values are plain data (gob-encodable), so that
// they can travel in analysis facts.
type Value struct {
	Parts []Part
}

// Lit returns the known text s.
func Lit(s string) Value {
	if s == "" {
		return Value{}
	}
	return Value{Parts: []Part{{Kind: Text, Text: s}}}
}

// Hole returns a value that is unknown for the given reason.
func Hole(reason string) Value {
	return Value{Parts: []Part{{Kind: Unknown, Key: reason}}}
}

// Of returns a value made of the single part p.
func Of(p Part) Value {
	if p.Kind == Text {
		return Lit(p.Text)
	}
	return Value{Parts: []Part{p}}
}

// Concat concatenates values, merging adjacent text parts.
func Concat(vs ...Value) Value {
	var out Value
	for _, v := range vs {
		for _, p := range v.Parts {
			out = out.append(p)
		}
	}
	return out
}

func (v Value) append(p Part) Value {
	if p.Kind == Text {
		if p.Text == "" {
			return v
		}
		if n := len(v.Parts); n > 0 && v.Parts[n-1].Kind == Text {
			parts := slices.Clone(v.Parts)
			parts[n-1].Text += p.Text
			return Value{Parts: parts}
		}
	}
	return Value{Parts: append(slices.Clip(v.Parts), p)}
}

// Known reports whether v is entirely known text.
func (v Value) Known() bool {
	for _, p := range v.Parts {
		if p.Kind != Text {
			return false
		}
	}
	return true
}

// Text returns v's text and true when v is entirely known.
func (v Value) Text() (string, bool) {
	if !v.Known() {
		return "", false
	}
	return v.Pattern(""), true
}

// Opaque reports whether v says nothing at all: it has no text, no key and
// no parameter, only unknown parts (or nothing, which is the empty string
// and so not opaque).
func (v Value) Opaque() bool {
	if len(v.Parts) == 0 {
		return false
	}
	for _, p := range v.Parts {
		if p.Kind != Unknown {
			return false
		}
	}
	return true
}

// Pattern renders v with every hole replaced by hole, except that flags and
// environment variables with a known default render as that default (the
// value the program uses when nobody overrides it).
func (v Value) Pattern(hole string) string {
	var b strings.Builder
	for _, p := range v.Parts {
		switch {
		case p.Kind == Text:
			b.WriteString(p.Text)
		case (p.Kind == Flag || p.Kind == Env || p.Kind == EnvParam) && p.Text != "":
			b.WriteString(p.Text)
		case p.Kind == ConfigField && p.Default != "":
			b.WriteString(p.Default)
		default:
			b.WriteString(hole)
		}
	}
	return b.String()
}

// Keys returns the keys of v's parts of kind k (Env, Flag, Config, Field),
// in order, without duplicates. An Env part gives every key it reads.
func (v Value) Keys(k Kind) []string {
	var keys []string
	for _, p := range v.Parts {
		if p.Kind != k {
			continue
		}
		names := []string{p.Key}
		if k == Env {
			names = p.EnvKeys()
		}
		for _, key := range names {
			if !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	return keys
}

// HasParams reports whether v depends on a parameter of its enclosing
// function: a Param, ParamField, EnvParam or ConfigParam part, or an
// environment variable whose default is a parameter.
func (v Value) HasParams() bool {
	for _, p := range v.Parts {
		if p.hasParams() {
			return true
		}
	}
	return false
}

func (p Part) hasParams() bool {
	return p.Kind == Param || p.Kind == ParamField || p.Kind == EnvParam || p.Kind == ConfigParam || (p.Kind == Env && p.DefaultParam > 0)
}

// Subst replaces every Param part by arg(index), the value of the
// corresponding argument at a call site, and fills in the keys and defaults
// of environment variables that come from parameters. It is how a wrapper's
// or a function's summary is applied to a call. Fields of struct
// parameters (ParamField) become unknown: SubstFields fills them.
func (v Value) Subst(arg func(index int) Value) Value {
	return v.SubstFields(arg, nil)
}

// SubstFields is Subst that also replaces every ParamField part by
// field(index, path), the value of that field of the call's argument
// (Resolver.ArgField); a nil field leaves them unknown.
func (v Value) SubstFields(arg func(index int) Value, field func(index int, path string) Value) Value {
	if !v.HasParams() {
		return v
	}
	var out Value
	for _, p := range v.Parts {
		var w Value
		switch {
		case p.Kind == Param || p.Kind == ParamField:
			w = substParam(p, arg, field)
		case p.Kind == EnvParam:
			w = substKey(substDefault(p, arg), Env, arg)
		case p.Kind == ConfigParam:
			w = substKey(p, Config, arg)
		case p.hasParams():
			w = Of(substDefault(p, arg))
		default:
			out = out.append(p)
			continue
		}
		for _, q := range w.Parts {
			out = out.append(q)
		}
	}
	return out
}

// substParam resolves a Param or ParamField part with the call's argument
// (for ParamField, the field of it; unknown when field is nil), giving a
// URL path its leading "/".
func substParam(p Part, arg func(int) Value, field func(int, string) Value) Value {
	var w Value
	if p.Kind == Param && p.Text == firstSet {
		return firstSetOf(p, arg)
	}
	if p.Kind == Param {
		w = arg(p.Index)
	} else if name, path, _ := strings.Cut(p.Key, "."); field != nil {
		w = field(p.Index, path)
	} else {
		w = Hole("field " + path + " of parameter " + name)
	}
	if p.Text == slashed {
		w = leadingSlash(w)
	}
	return w
}

// substKey resolves the key of an EnvParam or ConfigParam part: a known
// argument makes it a part of kind known (Env or Config), a parameter of the
// caller keeps it a parameter-keyed part (a wrapper of the helper), anything
// else is unknown.
func substKey(p Part, known Kind, arg func(int) Value) Value {
	key := arg(p.Index)
	if k, ok := key.Text(); ok && k != "" {
		p.Kind, p.Key, p.Index = known, k, 0
		return Of(p)
	}
	if len(key.Parts) == 1 && key.Parts[0].Kind == Param {
		p.Index, p.Key = key.Parts[0].Index, key.Parts[0].Key
		return Of(p)
	}
	if known == Config {
		return Hole("configuration key computed at the call")
	}
	return Hole("environment variable with a computed key")
}

// substDefault resolves the default of an Env or EnvParam part that comes
// from a parameter: known text becomes the default, a parameter of the
// caller stays one, anything else leaves the default unknown.
func substDefault(p Part, arg func(int) Value) Part {
	if p.DefaultParam == 0 {
		return p
	}
	def := arg(p.DefaultParam - 1)
	p.DefaultParam, p.Text = 0, ""
	if s, ok := def.Text(); ok {
		p.Text = s
	} else if len(def.Parts) == 1 && def.Parts[0].Kind == Param {
		p.DefaultParam = def.Parts[0].Index + 1
	} else if len(def.Parts) == 1 && def.Parts[0].Kind == Env && def.Parts[0].DefaultParam == 0 {
		// getenv("ORDERS_DB_URL", getenv("DB_URL", "postgres://db/orders")):
		// the inner variable is read when the outer one is unset.
		p.Then = strings.Join(def.Parts[0].EnvKeys(), ",")
		p.Text = def.Parts[0].Text
	}
	return p
}

// Replace returns v with each part for which replace reports true
// replaced by the value it returns (Subst for any kind of part).
func (v Value) Replace(replace func(Part) (Value, bool)) Value {
	var out Value
	for _, p := range v.Parts {
		if w, ok := replace(p); ok {
			for _, q := range w.Parts {
				out = out.append(q)
			}
			continue
		}
		out = out.append(p)
	}
	return out
}

// Has reports whether v has a part of kind k.
func (v Value) Has(k Kind) bool {
	for _, p := range v.Parts {
		if p.Kind == k {
			return true
		}
	}
	return false
}

// Equal reports whether v and w have the same parts.
func (v Value) Equal(w Value) bool {
	return slices.Equal(v.Parts, w.Parts)
}

// Origin says where v comes from, for messages: "literal", "env
// ORDERS_DATABASE_URL", "config key OrdersDBAddress", "flag -dsn",
// "parameter dsn", or several of those joined by ", ". It is "unknown" for
// an opaque value.
func (v Value) Origin() string {
	var origins []string
	add := func(s string) {
		if !slices.Contains(origins, s) {
			origins = append(origins, s)
		}
	}
	hasText := false
	for _, p := range v.Parts {
		switch p.Kind {
		case Text:
			hasText = true
		case Env:
			add("env " + strings.Join(p.EnvKeys(), " or "))
		case Flag:
			add("flag -" + p.Key)
		case Config:
			add("config key " + p.Key)
		case Param:
			add("parameter " + p.Key)
		case ParamField:
			name, path, _ := strings.Cut(p.Key, ".")
			add("field " + path + " of parameter " + name)
		case EnvParam:
			add("env named by parameter " + p.Key)
		case ConfigParam:
			add("config key named by parameter " + p.Key)
		case ConfigField:
			add("config field " + p.Key)
		case Field:
			add("field " + p.Key[strings.LastIndexByte(p.Key, '/')+1:])
		}
	}
	if len(origins) == 0 {
		if hasText {
			return "literal"
		}
		return "unknown"
	}
	return strings.Join(origins, ", ")
}

// String renders v for debugging and fact listings: text as is, holes in
// braces ({env:KEY}, {param0:dsn}, {unknown:reason}); an environment
// variable named by a parameter as {env(param0:key)}, and a default that is
// a parameter as "|default param1" before the closing brace.
func (v Value) String() string {
	var b strings.Builder
	for _, p := range v.Parts {
		switch p.Kind {
		case Text:
			b.WriteString(p.Text)
		case Param:
			fmt.Fprintf(&b, "{param%d:%s%s}", p.Index, p.Key, p.pathString())
		case EnvParam:
			fmt.Fprintf(&b, "{env(param%d:%s)%s}", p.Index, p.Key, p.defaultString())
		case ConfigParam:
			fmt.Fprintf(&b, "{config(param%d:%s)}", p.Index, p.Key)
		case ConfigField:
			if p.Default != "" {
				fmt.Fprintf(&b, "{configfield:%s|default %s}", p.Key, p.Default)
			} else {
				fmt.Fprintf(&b, "{configfield:%s}", p.Key)
			}
		case ParamField:
			fmt.Fprintf(&b, "{paramfield%d:%s%s}", p.Index, p.Key, p.pathString())
		default:
			fmt.Fprintf(&b, "{%s:%s%s}", p.Kind, p.Key, p.defaultString())
		}
	}
	return b.String()
}

// pathString marks a parameter that is a URL path (leadingSlash).
func (p Part) pathString() string {
	switch p.Text {
	case slashed:
		return "|path"
	case firstSet:
		return "|first set"
	}
	return ""
}

func (p Part) defaultString() string {
	then := ""
	if p.Then != "" {
		then = "|then " + p.Then
	}
	if p.DefaultParam == 0 {
		return then
	}
	return fmt.Sprintf("%s|default param%d", then, p.DefaultParam-1)
}
