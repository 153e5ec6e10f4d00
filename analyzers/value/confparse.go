package value

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"
)

// Services built from ardanlabs/service read their configuration with
// github.com/ardanlabs/conf/v3:
//
//	cfg := struct {
//		DB struct {
//			Host string `conf:"default:database-service"`
//		}
//	}{}
//	const prefix = "SALES"
//	conf.Parse(prefix, &cfg)
//	... cfg.DB.Host ...
//
// Parse sets each field from the environment variable named by the prefix
// and the field's path, upper-case and joined by "_" (SALES_DB_HOST; a name
// in camel case is split into words, APIHost is API_HOST), or by the
// prefix and the tag's env: option when it has one, else from the tag's
// default: option (tag options are separated by ","). A command-line flag
// (--db-host) may override both, as a flag would any default. A read of a
// field of a struct variable whose address goes to conf.Parse with a
// constant prefix, and that the package does not otherwise write, is that
// environment variable with the default. Parse with parsers (a YAML file
// filling the struct first) is not followed: the file may set the field.

// confParse is a call conf.Parse(prefix, &v).
type confParse struct {
	prefix string
	known  bool // the prefix is a constant
	test   bool // made in a _test.go file
}

const confPkg = "github.com/ardanlabs/conf/v3"

// recordConfParse records a call conf.Parse(prefix, &v) of a struct variable.
func (r *Resolver) recordConfParse(call *ast.CallExpr, test bool) {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != confPkg || fn.Name() != "Parse" || len(call.Args) != 2 {
		return
	}
	addr, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return
	}
	v := r.varOf(addr.X)
	if v == nil {
		return
	}
	prefix, known := r.constText(call.Args[0])
	r.confParsed[v] = append(r.confParsed[v], confParse{prefix, known, test})
}

// confField resolves field path of variable v when conf.Parse fills v.
func (s *scope) confField(v *types.Var, path []string) (Value, bool) {
	var parses []confParse
	for _, p := range s.confParsed[v] {
		if !p.test || !s.hideTests {
			parses = append(parses, p)
		}
	}
	if len(parses) == 0 {
		return Value{}, false
	}
	key, def, ok := confKey(v.Type(), path)
	if !ok {
		return Hole("field " + strings.Join(path, ".") + " of " + v.Name() + ": not set by conf.Parse"), true
	}
	p := parses[0]
	for _, q := range parses[1:] {
		if q.prefix != p.prefix || q.known != p.known {
			return Hole(v.Name() + " parsed by conf.Parse with several prefixes"), true
		}
	}
	if !p.known {
		return Hole("conf.Parse with a computed prefix"), true
	}
	if p.prefix != "" {
		key = strings.ToUpper(p.prefix) + "_" + key
	}
	return Of(Part{Kind: Env, Key: key, Text: def}), true
}

// confKey returns the environment variable (without the prefix) and the
// default that conf.Parse gives the field at path of a value of type t.
// ok is false when Parse skips the field (conf:"-") or path does not name
// fields of structs held by value.
func confKey(t types.Type, path []string) (key, def string, ok bool) {
	var words []string
	var tag string
	for _, name := range path {
		st, isStruct := t.Underlying().(*types.Struct)
		if !isStruct {
			return "", "", false
		}
		i := fieldIndex(st, name)
		if i < 0 {
			return "", "", false
		}
		tag = reflect.StructTag(st.Tag(i)).Get("conf")
		if tag == "-" {
			return "", "", false
		}
		if !st.Field(i).Anonymous() { // an embedded struct's fields are the parent's
			words = append(words, camelWords(name)...)
		}
		t = st.Field(i).Type()
	}
	for opt := range strings.SplitSeq(tag, ",") {
		name, val, _ := strings.Cut(opt, ":")
		switch val = strings.TrimSpace(val); name {
		case "default":
			def = val
		case "env":
			if val != "" {
				words = []string{val}
			}
		}
	}
	key = strings.ToUpper(strings.ReplaceAll(strings.Join(words, "_"), "-", "_"))
	return key, def, true
}

// fieldIndex returns the index of the field of st named name, or -1.
func fieldIndex(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// camelWords splits a field name into the words conf.Parse joins with "_":
// a new word starts where letters turn into digits or back, at an upper-case
// letter after a lower-case one, and at the last letter of an upper-case run
// followed by a lower-case letter (APIHost is API and Host, DBHost2 is DB,
// Host and 2).
func camelWords(name string) []string {
	runes := []rune(name)
	var words []string
	start := 0
	for i := 1; i < len(runes); i++ {
		prev, cur := charKind(runes[i-1]), charKind(runes[i])
		if prev == cur {
			continue
		}
		switch {
		case prev == kindUpper && cur == kindDigit:
			// a digit after capitals is a word of its own
		case prev == kindUpper:
			// The last capital begins the next word (FOOBar: FOO, Bar);
			// a single capital is the start of this one (Host).
			if i-1 > start {
				words = append(words, string(runes[start:i-1]))
				start = i - 1
			}
			continue
		}
		words = append(words, string(runes[start:i]))
		start = i
	}
	return append(words, string(runes[start:]))
}

const (
	kindLower = iota
	kindUpper
	kindDigit
	kindOther
)

func charKind(r rune) int {
	switch {
	case unicode.IsLower(r):
		return kindLower
	case unicode.IsUpper(r):
		return kindUpper
	case unicode.IsDigit(r):
		return kindDigit
	}
	return kindOther
}
