package value

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"
)

// Configuration structs are filled by loaders at run time, from files the
// code never spells out where it reads them:
//
//	type Config struct {
//		zrpc.RpcServerConf
//		Mysql struct{ DataSource string }
//	}
//	...
//	sqlx.NewMysql(c.Mysql.DataSource)
//
// A read of a field of a struct that this package cannot follow (its type
// is declared in another package, or is an anonymous struct) resolves to a
// ConfigField part. Its Key names the field for messages
// ("config.Config.Mysql.DataSource"); its Text lists the key paths the field
// may have in a config file, one per line (ConfigFieldPaths decodes them),
// so that a consumer that knows the service's config files can look the
// value up.
//
// A key path is anchored at the document root. The selection c.Mysql.DataSource
// is [Mysql DataSource] when c's type is the document's root type; a type
// that another struct type of its package holds in a field is below that
// field (kratos' conf.Data is the field data of conf.Bootstrap), so
// c.Database.Source with c a *conf.Data is [data database source]. Each
// selection in a chain (l.svcCtx.Config.Mysql.DataSource) anchors one
// candidate path; the consumer keeps the ones a file has. Embedded fields
// are flattened, as go-zero's loader and mapstructure's ",squash" do. A
// segment matches a file key by the field's name or by its json, yaml,
// mapstructure, toml or koanf tag, case-insensitively (viper and go-zero
// ignore case).

// configTags are the struct tags whose names loaders match file keys to.
var configTags = []string{"json", "yaml", "mapstructure", "toml", "koanf"}

// configField resolves e, a field read the package cannot follow, to a
// ConfigField part, when e is a chain of field selections from a variable.
func (s *scope) configField(e *ast.SelectorExpr) (Value, bool) {
	return configFieldOf(s.selectionChain(e))
}

// argConfigField is configField for the field at path of a struct value
// that e selects from a loaded configuration: the Topic of
// c.KqConsumerConf passed to kq.MustNewQueue.
func (s *scope) argConfigField(e ast.Expr, path []string) (Value, bool) {
	steps := s.selectionChain(e)
	tv, ok := s.info.Types[e]
	if len(steps) == 0 || !ok {
		return Value{}, false
	}
	t := tv.Type
	for _, name := range path {
		obj, index, _ := types.LookupFieldOrMethod(t, false, nil, name)
		field, ok := obj.(*types.Var)
		if !ok || !field.IsField() {
			return Value{}, false
		}
		steps = append(steps, selectionStep{outer: t, recv: embeddingType(t, index), field: field, tag: fieldTag(t, index)})
		t = field.Type()
	}
	return configFieldOf(steps)
}

func configFieldOf(steps []selectionStep) (Value, bool) {
	if len(steps) == 0 {
		return Value{}, false
	}
	var paths []string
	for i, st := range steps {
		prefix, ok := documentPrefix(st.recv)
		if !ok {
			continue
		}
		path := slices.Concat(prefix, segmentsOf(steps[i:]))
		paths = append(paths, encodePath(path))
	}
	if len(paths) == 0 {
		return Value{}, false
	}
	return Of(Part{Kind: ConfigField, Key: configFieldName(steps), Text: strings.Join(paths, "\n")}), true
}

// A selectionStep is one field selection in a chain: the field and the
// struct type it is selected on (through a pointer, and through embedded
// fields, which are flattened).
type selectionStep struct {
	outer types.Type // the type selected on, as written
	recv  types.Type // the struct type that declares the field
	field *types.Var
	tag   string
}

// selectionChain splits e into the field selections it makes from a
// variable, outermost first; nil when e is not such a chain.
func (s *scope) selectionChain(e ast.Expr) []selectionStep {
	var steps []selectionStep
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		selection, ok := s.info.Selections[sel]
		if !ok || selection.Kind() != types.FieldVal {
			return nil
		}
		field := selection.Obj().(*types.Var)
		recv := embeddingType(selection.Recv(), selection.Index())
		steps = append(steps, selectionStep{outer: selection.Recv(), recv: recv, field: field, tag: fieldTag(selection.Recv(), selection.Index())})
		e = sel.X
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if _, ok := s.info.Uses[x].(*types.Var); !ok {
			return nil
		}
	case *ast.CallExpr, *ast.IndexExpr, *ast.StarExpr:
	default:
		return nil
	}
	slices.Reverse(steps)
	return steps
}

// embeddingType returns the type that declares the field selected by index
// on t: t itself, or the embedded struct a promoted field comes from.
func embeddingType(t types.Type, index []int) types.Type {
	for _, i := range index[:len(index)-1] {
		st, ok := derefStruct(t)
		if !ok || i >= st.NumFields() {
			return t
		}
		t = st.Field(i).Type()
	}
	return t
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// segmentsOf gives the key path segments of a chain of selections: each
// the field's name and its tag names.
func segmentsOf(steps []selectionStep) [][]string {
	var segs [][]string
	for _, st := range steps {
		segs = append(segs, fieldNames(st.field.Name(), st.tag))
	}
	return segs
}

// fieldNames lists the names a loader may know a field by.
func fieldNames(name, tag string) []string {
	names := []string{name}
	st := reflect.StructTag(tag)
	for _, k := range configTags {
		n, _, _ := strings.Cut(st.Get(k), ",")
		if n != "" && n != "-" && !slices.ContainsFunc(names, func(m string) bool { return strings.EqualFold(m, n) }) {
			names = append(names, n)
		}
	}
	return names
}

// maxPrefixDepth bounds the walk up the struct types that hold a type.
const maxPrefixDepth = 8

// documentPrefix returns the key path from a config document's root to a
// value of type t: empty when t is a root (no other struct type of its
// package holds it in a field), the holding field's names otherwise. ok is
// false when t is not a named struct type, or more than one field of its
// package holds it (the path is ambiguous).
func documentPrefix(t types.Type) ([][]string, bool) {
	named := structNamed(t)
	if named == nil || named.Obj().Pkg() == nil {
		return nil, false
	}
	var prefix [][]string
	for range maxPrefixDepth {
		holder, field, tag, n := holderOf(named)
		switch n {
		case 0:
			return prefix, true
		case 1:
			if !field.Embedded() {
				prefix = slices.Insert(prefix, 0, fieldNames(field.Name(), tag))
			}
			named = holder
		default:
			return nil, false
		}
	}
	return nil, false
}

// holderOf finds the struct types of named's package with a field of type
// named (or a pointer to it): the first one, and how many there are.
func holderOf(named *types.Named) (holder *types.Named, field *types.Var, tag string, n int) {
	scope := named.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		h, ok := tn.Type().(*types.Named)
		if !ok || h.Origin() == named {
			continue
		}
		st, ok := h.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if structNamed(st.Field(i).Type()) == named {
				if n == 0 {
					holder, field, tag = h, st.Field(i), st.Tag(i)
				}
				n++
			}
		}
	}
	return holder, field, tag, n
}

// configFieldName names the field for messages: the type the chain starts
// on, then the fields ("config.Config.Mysql.DataSource").
func configFieldName(steps []selectionStep) string {
	names := make([]string, 0, len(steps)+1)
	if named := structNamed(steps[0].outer); named != nil {
		names = append(names, named.Obj().Pkg().Name()+"."+named.Obj().Name())
	}
	for _, st := range steps {
		names = append(names, st.field.Name())
	}
	return strings.Join(names, ".")
}

// encodePath writes a key path as ConfigField parts carry it: segments
// separated by ".", a segment's names by "|".
func encodePath(path [][]string) string {
	segs := make([]string, len(path))
	for i, names := range path {
		segs[i] = strings.Join(names, "|")
	}
	return strings.Join(segs, ".")
}

// ConfigFieldPaths decodes the candidate key paths of a ConfigField part:
// each path a list of segments, each segment the names it may match.
func ConfigFieldPaths(p Part) [][][]string {
	if p.Kind != ConfigField || p.Text == "" {
		return nil
	}
	var paths [][][]string
	for _, line := range strings.Split(p.Text, "\n") {
		var path [][]string
		for _, seg := range strings.Split(line, ".") {
			path = append(path, strings.Split(seg, "|"))
		}
		paths = append(paths, path)
	}
	return paths
}

// declaresHere reports whether the package being resolved declares obj.
func (r *Resolver) declaresHere(obj types.Object) bool {
	for _, f := range r.files {
		if f.FileStart <= obj.Pos() && obj.Pos() < f.FileEnd {
			return true
		}
	}
	return false
}
