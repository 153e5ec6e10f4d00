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
// only when every assignment resolves to the same value; a variable whose
// address is taken (other than by flag.StringVar) is unknown.
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
	Config              // configuration key Part.Key (cfg["Key"], viper.GetString("key"))
	Param               // parameter Part.Index (named Part.Key) of the enclosing function
	Field               // struct field Part.Key ("pkgpath.Type.field") of the receiver or a value
	Unknown             // not resolvable; Part.Key says why, for -strict listings
)

var kindNames = [...]string{"text", "env", "flag", "config", "param", "field", "unknown"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// A Part is one piece of a Value.
type Part struct {
	Kind  Kind
	Text  string // Text: the text; Env, Flag: the default value ("" if none)
	Key   string // Env, Flag, Config: the key; Param: the parameter's name; Field: pkgpath.Type.field; Unknown: the reason
	Index int    // Param: the parameter's index in the signature (receiver excluded)
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
		case (p.Kind == Flag || p.Kind == Env) && p.Text != "":
			b.WriteString(p.Text)
		default:
			b.WriteString(hole)
		}
	}
	return b.String()
}

// Keys returns the keys of v's parts of kind k (Env, Flag, Config, Field),
// in order, without duplicates.
func (v Value) Keys(k Kind) []string {
	var keys []string
	for _, p := range v.Parts {
		if p.Kind == k && !slices.Contains(keys, p.Key) {
			keys = append(keys, p.Key)
		}
	}
	return keys
}

// HasParams reports whether v depends on a parameter of its enclosing function.
func (v Value) HasParams() bool {
	for _, p := range v.Parts {
		if p.Kind == Param {
			return true
		}
	}
	return false
}

// Subst replaces every Param part by arg(index), the value of the
// corresponding argument at a call site. It is how a wrapper's summary is
// applied to a call.
func (v Value) Subst(arg func(index int) Value) Value {
	if !v.HasParams() {
		return v
	}
	var out Value
	for _, p := range v.Parts {
		if p.Kind == Param {
			for _, q := range arg(p.Index).Parts {
				out = out.append(q)
			}
			continue
		}
		out = out.append(p)
	}
	return out
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
			add("env " + p.Key)
		case Flag:
			add("flag -" + p.Key)
		case Config:
			add("config key " + p.Key)
		case Param:
			add("parameter " + p.Key)
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
// braces ({env:KEY}, {param0:dsn}, {unknown:reason}).
func (v Value) String() string {
	var b strings.Builder
	for _, p := range v.Parts {
		switch p.Kind {
		case Text:
			b.WriteString(p.Text)
		case Param:
			fmt.Fprintf(&b, "{param%d:%s}", p.Index, p.Key)
		default:
			fmt.Fprintf(&b, "{%s:%s}", p.Kind, p.Key)
		}
	}
	return b.String()
}
