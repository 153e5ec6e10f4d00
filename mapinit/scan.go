package mapinit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
)

// A pkgDir is one directory of Go code, as init reads it: without types,
// from the syntax of its non-test files.
type pkgDir struct {
	rel     string          // slash-separated, relative to the root
	main    bool            // holds package main
	imports map[string]bool // import paths of its non-test files
	// serves are the calls in it to a generated server registration of
	// another package (ordersv1.RegisterOrderServiceServer(...)).
	serves []serveCall
	stub   string // what generated stub code it holds ("" if none): "gRPC", "kitex", "goctl zrpc", ...
	// registers maps a registration function this directory's generated
	// code declares to the full gRPC service name it registers.
	registers map[string]registration
	protos    bool // holds .proto files (and maybe no Go code)
	goFiles   int
}

// A registration is the full gRPC service name a generated
// RegisterXxxServer registers, and the file that declares it.
type registration struct {
	name string
	file string
}

// A serveCall is pkg.RegisterXxxServer(...) (or its kin) in some file.
type serveCall struct {
	importPath string
	fn         string
	file       string // relative to the root
}

// A module is a go.mod below the root.
type module struct {
	rel  string // directory relative to the root ("." for the root)
	path string // module path
}

// tree is what init scanned below the root.
type tree struct {
	root    string
	dirs    map[string]*pkgDir // Go package directories and .proto directories, by rel
	modules []module           // sorted by rel
	work    []string           // the go.work use directories (relative), when the root has a go.work
	workRel string             // "go.work" when present
	// projects maps a directory holding another language's project file
	// (package.json, pom.xml, ...) to that file's name.
	projects map[string]string
}

// skipDir reports the directories init never looks into: the ones the go
// command ignores, and dependencies.
func skipDir(name string) bool {
	switch name {
	case "vendor", "node_modules", "testdata", "third_party":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// projectFile reports whether a file names its directory as a project of
// another language than Go: the code of a service in a polyglot
// repository.
func projectFile(name string) bool {
	switch name {
	case "package.json", "pom.xml", "build.gradle", "build.gradle.kts", "Cargo.toml",
		"requirements.txt", "pyproject.toml", "setup.py", "Pipfile", "Gemfile",
		"composer.json", "mix.exs", "Package.swift":
		return true
	}
	return strings.HasSuffix(name, ".csproj") || strings.HasSuffix(name, ".fsproj")
}

// scan walks root and reads every Go package's imports, generated code and
// registration calls, and the modules.
func scan(root string) (*tree, error) {
	t := &tree{root: root, dirs: map[string]*pkgDir{}, projects: map[string]string{}}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		dir := path.Dir(rel)
		switch name := d.Name(); {
		case name == "go.mod":
			if data, err := os.ReadFile(p); err == nil {
				if mp := modfile.ModulePath(data); mp != "" {
					t.modules = append(t.modules, module{rel: dir, path: mp})
				}
			}
		case name == "go.work" && dir == ".":
			if data, err := os.ReadFile(p); err == nil {
				if wf, err := modfile.ParseWork(p, data, nil); err == nil {
					t.workRel = "go.work"
					for _, u := range wf.Use {
						t.work = append(t.work, cleanRel(u.Path))
					}
				}
			}
		case strings.HasSuffix(name, ".proto"):
			t.dir(dir).protos = true
		case projectFile(name):
			t.projects[dir] = name
		case strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go"):
			t.readGo(fset, p, rel)
		}
		return nil
	})
	sort.Slice(t.modules, func(i, j int) bool { return t.modules[i].rel < t.modules[j].rel })
	sort.Strings(t.work)
	return t, err
}

func (t *tree) dir(rel string) *pkgDir {
	d := t.dirs[rel]
	if d == nil {
		d = &pkgDir{rel: rel, imports: map[string]bool{}, registers: map[string]registration{}}
		t.dirs[rel] = d
	}
	return d
}

// serveFunc matches the functions generated code gives a server to
// register with: gRPC's RegisterXxxServer, go-micro's RegisterXxxHandler,
// Kitex's NewServer, Twirp's NewXxxServer and Connect's NewXxxHandler.
var serveFunc = regexp.MustCompile(`^(Register\w+(Server|Handler)|New\w*Server|New\w+Handler)$`)

func (t *tree) readGo(fset *token.FileSet, abs, rel string) {
	src, err := os.ReadFile(abs)
	if err != nil {
		return
	}
	f, err := parser.ParseFile(fset, abs, src, parser.SkipObjectResolution)
	if err != nil || f.Name == nil {
		return
	}
	d := t.dir(path.Dir(rel))
	d.goFiles++
	if f.Name.Name == "main" {
		d.main = true
	}
	names := map[string]string{} // local name -> import path
	for _, im := range f.Imports {
		ip, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			continue
		}
		d.imports[ip] = true
		local := path.Base(ip)
		if im.Name != nil {
			local = im.Name.Name
		} else if isVersion(local) {
			local = path.Base(path.Dir(ip))
		}
		names[local] = ip
	}
	if kind := stubKind(path.Base(rel), rel, src); kind != "" && d.stub == "" {
		d.stub = kind
	}
	if strings.HasSuffix(rel, ".pb.go") || strings.HasSuffix(rel, ".twirp.go") || strings.HasSuffix(rel, ".connect.go") {
		for fn, name := range grpcRegistrations(f) {
			d.registers[fn] = registration{name, rel}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok || !serveFunc.MatchString(sel.Sel.Name) {
			return true
		}
		if ip, ok := names[x.Name]; ok {
			d.serves = append(d.serves, serveCall{importPath: ip, fn: sel.Sel.Name, file: rel})
		}
		return true
	})
}

// goctlClientFunc matches the constructor of a goctl zrpc client package,
// New<Svc>(cli zrpc.Client) <Svc>, whoever wrote the file (goctl, or a
// hand or a tool copying its shape, whose header names no goctl).
var goctlClientFunc = regexp.MustCompile(`(?m)^func New(\w+)\(\w+ zrpc\.Client\) (\w+) \{`)

var generatedHeader = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT[.!]?$`)

// stubKind says what generator wrote a file, for the generators whose
// output is a service's contract.
func stubKind(name, rel string, src []byte) string {
	switch {
	case strings.HasSuffix(name, "_grpc.pb.go"), strings.HasSuffix(name, ".pb.go"):
		return "gRPC"
	case strings.HasSuffix(name, ".pb.micro.go"):
		return "go-micro"
	case strings.HasSuffix(name, ".twirp.go"):
		return "Twirp"
	case strings.HasSuffix(name, ".connect.go"):
		return "Connect"
	case strings.HasPrefix(rel, "kitex_gen/") || strings.Contains(rel, "/kitex_gen/"):
		return "Kitex"
	}
	head := src
	if len(head) > 2048 {
		head = head[:2048]
	}
	switch {
	case generatedHeader.Match(head) && strings.Contains(string(head), "goctl") && strings.Contains(string(src), "zrpc.Client"),
		goctlClientFunc.Match(src):
		return "goctl zrpc client"
	case generatedHeader.Match(head) && strings.Contains(string(head), "oapi-codegen") && strings.Contains(string(src), "ClientInterface"):
		return "OpenAPI client"
	case strings.Contains(string(head), "OpenAPI Generator") && strings.Contains(string(src), "APIClient"):
		return "OpenAPI client"
	}
	return ""
}

// grpcRegistrations maps each server registration function of a
// generated file to the full service name it registers. gRPC's
// RegisterXxxServer registers a grpc.ServiceDesc:
//
//	func RegisterOrderServiceServer(s grpc.ServiceRegistrar, srv OrderServiceServer) {
//		s.RegisterService(&OrderService_ServiceDesc, srv)
//	}
//	var OrderService_ServiceDesc = grpc.ServiceDesc{ServiceName: "shop.orders.v1.OrderService", ...}
//
// Twirp's NewXxxServer serves the name in its XxxPathPrefix constant
// ("/twirp/shop.orders.v1.Orders/"), Connect's NewXxxHandler the one in
// its XxxName constant ("shop.orders.v1.OrderService"): the names their
// clients' calls carry, as a gRPC stub's do.
func grpcRegistrations(f *ast.File) map[string]string {
	descs, consts := map[string]string{}, map[string]string{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || (gd.Tok != token.VAR && gd.Tok != token.CONST) {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, v := range vs.Values {
				if i >= len(vs.Names) {
					break
				}
				if name := serviceNameField(v); name != "" {
					descs[vs.Names[i].Name] = name
				}
				if bl, ok := v.(*ast.BasicLit); ok && bl.Kind == token.STRING && gd.Tok == token.CONST {
					consts[vs.Names[i].Name], _ = strconv.Unquote(bl.Value)
				}
			}
		}
	}
	out := map[string]string{}
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Body == nil {
			continue
		}
		if name := constRegistration(fd.Name.Name, consts); name != "" {
			out[fd.Name.Name] = name
			continue
		}
		if !strings.HasPrefix(fd.Name.Name, "Register") {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := u.X.(*ast.Ident); ok && descs[id.Name] != "" {
					out[fd.Name.Name] = descs[id.Name]
				}
			}
			return true
		})
	}
	return out
}

// constRegistration returns the service name that Twirp's NewXxxServer or
// Connect's NewXxxHandler serves, from the constant generated beside it,
// or "".
func constRegistration(fn string, consts map[string]string) string {
	svc, ok := strings.CutPrefix(fn, "New")
	if !ok {
		return ""
	}
	if x, ok := strings.CutSuffix(svc, "Server"); ok {
		prefix, ok := consts[x+"PathPrefix"] // "/twirp/shop.orders.v1.Orders/"
		if !ok || strings.Trim(prefix, "/") == "" {
			return ""
		}
		return path.Base(strings.TrimSuffix(prefix, "/"))
	}
	if x, ok := strings.CutSuffix(svc, "Handler"); ok {
		return consts[x+"Name"]
	}
	return ""
}

// serviceNameField returns the ServiceName of a grpc.ServiceDesc literal.
func serviceNameField(e ast.Expr) string {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ServiceName" {
			if bl, ok := kv.Value.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				s, _ := strconv.Unquote(bl.Value)
				return s
			}
		}
	}
	return ""
}

var versionSeg = regexp.MustCompile(`^v\d+((alpha|beta)\d*)?$`)

func isVersion(seg string) bool { return versionSeg.MatchString(seg) }

// dirOf returns the directory (relative to the root) of an import path of
// one of the repository's modules, or "" when it is not the repository's.
func (t *tree) dirOf(importPath string) string {
	best, bestLen := "", -1
	for _, m := range t.modules {
		if importPath == m.path || strings.HasPrefix(importPath, m.path+"/") {
			if len(m.path) > bestLen {
				rest := strings.TrimPrefix(strings.TrimPrefix(importPath, m.path), "/")
				best, bestLen = joinRel(m.rel, rest), len(m.path)
			}
		}
	}
	if bestLen < 0 {
		return ""
	}
	return best
}

func joinRel(a, b string) string {
	if a == "." || a == "" {
		if b == "" {
			return "."
		}
		return b
	}
	if b == "" {
		return a
	}
	return a + "/" + b
}

func cleanRel(p string) string {
	p = path.Clean(filepath.ToSlash(p))
	return strings.TrimPrefix(p, "./")
}

// under reports whether rel is dir or below it, by path segment.
func under(rel, dir string) bool {
	if dir == "." || dir == "" {
		return true
	}
	return rel == dir || strings.HasPrefix(rel, dir+"/")
}
