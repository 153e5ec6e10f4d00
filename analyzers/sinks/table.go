// Package sinks finds where a program hands a connection target — a DSN, an
// address, a URL — to a library that connects to it, and follows those
// targets through wrapper functions across packages.
//
// A sink is data, not code: an Entry names a function or method (or a
// struct type, for options literals such as redis.Options{Addr: ...}), the
// argument (or fields) that carry the target, and what the target is (its
// Kind). Each analyzer keeps its own Table (shareddb: database drivers;
// syncclient: HTTP and gRPC clients) and merges in the sinks users declare
// in the boundary map (FromMap).
//
// Find reports every Hit in a package: a call or literal where a resolved
// value reaches a sink, directly or through wrappers. Wrappers are
// summarised as object facts, modelled on x/tools' passes/printf: when a
// sink's value depends on a parameter of the enclosing function (or, for
// shared and contract code, is a fixed value), the function gets a fact
// listing those Uses, and a call to it in another package is itself a sink,
// reported with the chain of wrappers that leads to the library.
//
// Facts belong to one analyzer, so this package does not declare a fact
// type: each analyzer declares its own by embedding Summary,
//
//	type wrapperFact struct{ sinks.Summary }
//
//	func (*wrapperFact) AFact() {}
//
// lists new(wrapperFact) in its FactTypes, and passes
// func() sinks.Fact { return new(wrapperFact) } as Config.NewFact.
package sinks

import (
	"fmt"
	"go/types"
	"strings"
	"sync"

	"github.com/couplingvet/couplingvet/boundaries"
)

// Kind says what a sink's argument is.
type Kind string

// The kinds the built-in tables use; the map's sinks: entries use the same words.
const (
	DSN        Kind = "dsn"         // a database connection string, URL or key=value
	Address    Kind = "address"     // a bare address: host, host:port, service-discovery name
	URL        Kind = "url"         // a URL with a scheme
	HostPort   Kind = "hostport"    // host:port
	GRPCTarget Kind = "grpc-target" // a gRPC dial target (dns:///host:port, discovery:///name)
	Topic      Kind = "topic"       // a topic, subject, queue, stream or task type that code publishes to or consumes from
)

// NoArg marks Entry.LabelArg as unused.
const NoArg = -1

// An Entry is one sink.
//
// A call sink (Template empty) matches calls of Package.Func, where Func is
// "Func" or "Type.Method" (pointer or value receiver, generic functions and
// types by their origin, or a method of a named interface: the call of a
// method of sarama.ConsumerGroup matches "ConsumerGroup.Consume" whatever
// implements it); argument Arg carries the value. When Arg is the variadic
// parameter, every argument from Arg on is a separate value; when it is a
// slice, each element of a slice literal is (also of one a local variable
// is assigned once, or a local function returns), and so through
// wrappers that take the slice as a parameter. When Field is set, the value
// is that field (a dotted path) of the struct argument Arg: kq.MustNewQueue
// reads the Topic of its KqConf, which a config file usually fills.
//
// A literal sink (Template set) matches composite literals of the struct
// type Package.Func; the value is Template with each {Field} replaced by the
// literal's field (absent fields are empty; a slice field yields one value
// per element), e.g. "redis://{Addr}/{DB}".
type Entry struct {
	Package  string // import path
	Func     string // "Func", "Type.Method", or the struct type of a literal sink
	Arg      int    // call sinks: index of the argument that carries the value
	Field    string // call sinks: the field of argument Arg that carries the value, or ""
	Template string // literal sinks: how the fields make the value
	Kind     Kind
	Label    string // a static label the analyzer interprets (engine "postgres", protocol "grpc", ...)
	LabelArg int    // call sinks: an argument whose value is the label (sql.Open's driver name), or NoArg
	// Qualifier, for call sinks, is an argument whose value is the
	// namespace of Arg's (AMQP's exchange, whose routing keys are its
	// own), or NoArg: the value is then the qualifier's, QualifierSep and
	// Arg's, so that the same name in two namespaces makes two values.
	Qualifier int
}

// QualifierSep separates a qualified value's namespace from its name:
// "orders-exchange/orders.created".
const QualifierSep = "/"

// Call returns a call sink entry without a label argument.
func Call(pkg, fn string, arg int, kind Kind, label string) Entry {
	return Entry{Package: pkg, Func: fn, Arg: arg, Kind: kind, Label: label, LabelArg: NoArg, Qualifier: NoArg}
}

// CallField returns a call sink entry whose value is field (a dotted path)
// of the struct argument arg.
func CallField(pkg, fn string, arg int, field string, kind Kind, label string) Entry {
	e := Call(pkg, fn, arg, kind, label)
	e.Field = field
	return e
}

// Literal returns a literal sink entry for the struct type pkg.typ.
func Literal(pkg, typ, template string, kind Kind, label string) Entry {
	return Entry{Package: pkg, Func: typ, Template: template, Kind: kind, Label: label, LabelArg: NoArg, Qualifier: NoArg}
}

// WithLabelArg returns e with its label taken from argument i.
func (e Entry) WithLabelArg(i int) Entry {
	e.LabelArg = i
	return e
}

// WithQualifier returns e with its values qualified by argument i.
func (e Entry) WithQualifier(i int) Entry {
	e.Qualifier = i
	return e
}

// Name is e as messages show it: "sql.Open", "sqlx.DB.Connect",
// "redis.Options{Addr}".
func (e Entry) Name() string {
	pkg := pkgName(e.Package)
	if e.Template == "" {
		return pkg + "." + e.Func
	}
	return pkg + "." + e.Func + "{" + strings.Join(templateFields(e.Template), ", ") + "}"
}

// pkgName guesses a package's name from its import path, skipping major
// version suffixes ("github.com/redis/go-redis/v9" -> "redis"), a "-go"
// or ".go" suffix ("github.com/segmentio/kafka-go" -> "kafka"), the
// gopkg.in version ("gopkg.in/mgo.v2" -> "mgo") and the top-level domain of
// a module path that is only a domain ("resty.dev/v3" -> "resty").
func pkgName(path string) string {
	elems := strings.Split(path, "/")
	last := len(elems) - 1
	name := elems[last]
	if last > 0 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		last--
		name = elems[last]
	}
	if i := strings.Index(name, ".v"); i > 0 {
		name = name[:i]
	}
	if i := strings.IndexByte(name, '.'); i > 0 && last == 0 {
		name = name[:i]
	}
	name = strings.TrimPrefix(name, "go-")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "-go"), ".go") // segmentio/kafka-go, nats-io/nats.go
	return name
}

// A Table is a set of entries, indexed for matching. It does not change
// once built, so passes running in parallel share it.
type Table struct {
	entries []Entry
	byKey   map[string][]int // "pkgpath.Func" -> indexes into entries
	forMap  sync.Map         // mapTableKey -> *Table: see ForMap
}

// NewTable returns a table of entries.
func NewTable(entries ...Entry) *Table {
	t := &Table{byKey: make(map[string][]int)}
	t.add(entries...)
	return t
}

func (t *Table) add(entries ...Entry) {
	for _, e := range entries {
		t.byKey[e.Package+"."+e.Func] = append(t.byKey[e.Package+"."+e.Func], len(t.entries))
		t.entries = append(t.entries, e)
	}
}

// With returns a new table holding t's entries and more.
func (t *Table) With(more ...Entry) *Table {
	n := NewTable(t.entries...)
	n.add(more...)
	return n
}

type mapTableKey struct {
	m     *boundaries.Map
	kinds string
}

// ForMap returns t with the sinks m declares of the given kinds (all when
// none is given) added. Every package's pass asks for the same table, so
// it is built once per map and kinds and then shared: building it per
// pass cost a tenth of a cold run's allocations.
func (t *Table) ForMap(m *boundaries.Map, kinds ...Kind) *Table {
	key := mapTableKey{m, fmt.Sprint(kinds)}
	if n, ok := t.forMap.Load(key); ok {
		return n.(*Table)
	}
	n, _ := t.forMap.LoadOrStore(key, t.With(FromMap(m.Sinks, kinds...)...))
	return n.(*Table)
}

// Entries returns t's entries in the order they were added.
func (t *Table) Entries() []Entry { return append([]Entry(nil), t.entries...) }

// Calls returns the call sink entries that match fn.
func (t *Table) Calls(fn *types.Func) []Entry {
	key, ok := funcKey(fn)
	if !ok {
		return nil
	}
	return t.lookup(key, false)
}

// Literals returns the literal sink entries that match composite literals of type typ.
func (t *Table) Literals(typ types.Type) []Entry {
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		typ = p.Elem()
	}
	named, ok := types.Unalias(typ).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	obj := named.Origin().Obj()
	return t.lookup(obj.Pkg().Path()+"."+obj.Name(), true)
}

func (t *Table) lookup(key string, literal bool) []Entry {
	var out []Entry
	for _, i := range t.byKey[key] {
		if e := t.entries[i]; (e.Template != "") == literal {
			out = append(out, e)
		}
	}
	return out
}

// funcKey returns "pkgpath.Func" or "pkgpath.Type.Method" for fn's origin.
func funcKey(fn *types.Func) (string, bool) {
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return "", false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Path() + "." + fn.Name(), true
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return "", false // a method of an interface type literal
	}
	return fn.Pkg().Path() + "." + named.Origin().Obj().Name() + "." + fn.Name(), true
}

// FuncName is fn as chains in messages show it: "db.Open",
// "sqlx.DB.Connect" (package name, not path).
func FuncName(fn *types.Func) string {
	key, ok := funcKey(fn)
	if !ok {
		return fn.Name()
	}
	return fn.Pkg().Name() + strings.TrimPrefix(key, fn.Pkg().Path())
}

// FuncPath is fn qualified by its package's import path, as wrapper chains
// carry it: "example.com/shop/pkg/db.Open", "example.com/shop/pkg/db.Client.Open".
// Display shortens it for messages.
func FuncPath(fn *types.Func) string {
	if key, ok := funcKey(fn); ok {
		return key
	}
	return fn.Name()
}

// Display shortens a chain element for messages: a name inside module
// loses the module path ("example.com/shop/pkg/db.Open" -> "pkg/db.Open");
// any other keeps its import path.
func Display(name, module string) string {
	if module != "" {
		if rest, ok := strings.CutPrefix(name, module+"/"); ok {
			return rest
		}
	}
	return name
}

// DisplayChain renders a chain for messages, each element shortened by
// Display and joined by " -> ".
func DisplayChain(chain []string, module string) string {
	out := make([]string, len(chain))
	for i, name := range chain {
		out[i] = Display(name, module)
	}
	return strings.Join(out, " -> ")
}

// FromMap converts the sinks a boundary map declares into entries, keeping
// those of the given kinds (all when none is given). They have no label.
func FromMap(declared []boundaries.Sink, kinds ...Kind) []Entry {
	var out []Entry
	for _, s := range declared {
		k := Kind(s.Kind)
		if len(kinds) > 0 && !containsKind(kinds, k) {
			continue
		}
		out = append(out, Call(s.Package, s.Function, s.Arg, k, ""))
	}
	return out
}

func containsKind(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// templateFields lists the {Field} names of a literal sink's template.
func templateFields(tmpl string) []string {
	var fields []string
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return fields
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return fields
		}
		fields = append(fields, tmpl[i+1:i+j])
		tmpl = tmpl[i+j+1:]
	}
}

// String describes e for debugging.
func (e Entry) String() string {
	return fmt.Sprintf("%s (%s)", e.Name(), e.Kind)
}
