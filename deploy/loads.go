package deploy

import (
	"bytes"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Config files that no service claims by where they lie (a shared
// config.yaml at the root, configs/dev/app.yaml) belong to the services
// whose code loads them. Load finds the loader calls by reading the
// repository's Go files without type-checking them, from the call to the
// file:
//
//	var configFile = flag.String("f", "configs/app.yaml", "the config file")
//	conf.MustLoad(*configFile, &c)
//
// The loaders: go-zero conf.MustLoad/Load, viper SetConfigFile or
// AddConfigPath with SetConfigName ("config" when not set), koanf
// file.Provider, kratos file.NewSource (a file or a directory), BurntSushi
// toml.DecodeFile, cleanenv.ReadConfig, configor.Load, and os.ReadFile,
// os.Open and ioutil.ReadFile of a config file.
//
// A path is resolved within its Go file: literals, constants and variables
// given one value in the file, flag defaults (flag, pflag, cobra: String,
// StringP, StringVar, StringVarP), os.Getwd (the directory the service runs
// in: "."), filepath.Join, path.Join, + and fmt.Sprintf. Anything else is a wildcard within one path segment, so
// fmt.Sprintf("conf/%s/conf.yaml", env) loads every conf/*/conf.yaml. A
// relative path is taken from the directory the service most likely runs
// in: the Go file's directory, else its nearest ancestor where the path
// names a file (go run from the package, or from the module root).

// A ConfigLoad is a loader call and the unclaimed config files it loads.
type ConfigLoad struct {
	GoFile string // relative to root, slash-separated
	Line   int
	Call   string   // the loader, as written: "conf.MustLoad"
	Files  []string // relative to root, sorted
}

// Loads returns the loader calls that load unclaimed config files, sorted
// by GoFile, Line (see Options.Unclaimed).
func (t *Tree) Loads() []ConfigLoad { return t.loads }

// loaderNeedles are byte strings one of which a Go file holds when it can
// call a loader: parsing is only for the few that do.
var loaderNeedles = [][]byte{
	[]byte(`core/conf"`), []byte(`spf13/viper"`), []byte(`knadh/koanf`), []byte(`config/file"`),
	[]byte(`BurntSushi/toml"`), []byte(`cleanenv"`), []byte(`jinzhu/configor"`),
	[]byte(`ReadFile(`), []byte(`os.Open(`),
}

// A loader says how a call names the files it loads.
type loader struct {
	file      []int  // argument indexes of file paths (-1: every argument from the next one on)
	fileOrDir bool   // file[0] may also be a directory (kratos)
	viper     string // viper: "file", "dir" or "name": gathered into one load per file
}

// loaders by import path, then function name.
var loaders = map[string]map[string]loader{
	"github.com/zeromicro/go-zero/core/conf":     {"MustLoad": {file: []int{0}}, "Load": {file: []int{0}}, "LoadConfig": {file: []int{0}}},
	"github.com/tal-tech/go-zero/core/conf":      {"MustLoad": {file: []int{0}}, "Load": {file: []int{0}}, "LoadConfig": {file: []int{0}}},
	"github.com/knadh/koanf/providers/file":      {"Provider": {file: []int{0}}},
	"github.com/knadh/koanf/v2/providers/file":   {"Provider": {file: []int{0}}},
	"github.com/go-kratos/kratos/v2/config/file": {"NewSource": {file: []int{0}, fileOrDir: true}},
	"github.com/BurntSushi/toml":                 {"DecodeFile": {file: []int{0}}},
	"github.com/ilyakaznacheev/cleanenv":         {"ReadConfig": {file: []int{0}}},
	"github.com/jinzhu/configor":                 {"Load": {file: []int{-1}}},
	"os":                                         {"ReadFile": {file: []int{0}}, "Open": {file: []int{0}}},
	"io/ioutil":                                  {"ReadFile": {file: []int{0}}},
	viperPath: {
		"SetConfigFile": {file: []int{0}, viper: "file"},
		"AddConfigPath": {viper: "dir"},
		"SetConfigName": {viper: "name"},
	},
}

const viperPath = "github.com/spf13/viper"

// A loaderCall is what one Go file says it loads, before it is matched to
// the config files of the tree: path patterns (see sourceFile.path).
// Names, for directories, restricts the files to those names without
// extension (viper's SetConfigName); nil means every config file there.
type loaderCall struct {
	Line  int
	Call  string
	Files []string
	Dirs  []string
	Names []string
}

// findLoads reads the Go files (relative to root) for loader calls that
// load any of the unclaimed config files. With a cache, a file whose size
// and modification time are those of its entry is not read again.
func findLoads(root string, goFiles []string, unclaimed []string, cache *ScanCache) []ConfigLoad {
	if len(unclaimed) == 0 || len(goFiles) == 0 {
		return nil
	}
	known := cache.read(root)
	scanned := make([]scanEntry, len(goFiles))
	// Reading is the cost (tens of microseconds a file): spread it.
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), 4) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				scanned[i] = scanFile(root, goFiles[i], known[goFiles[i]])
			}
		}()
	}
	for i := range goFiles {
		next <- i
	}
	close(next)
	wg.Wait()
	cache.write(root, goFiles, scanned, known)

	var out []ConfigLoad
	for i, rel := range goFiles {
		m := matcher{dir: path.Dir(rel), unclaimed: unclaimed}
		for _, c := range scanned[i].Calls {
			var files []string
			for _, p := range c.Files {
				files = append(files, m.files(p)...)
			}
			for _, p := range c.Dirs {
				files = append(files, m.dirFiles(p, c.Names)...)
			}
			if len(files) > 0 {
				out = append(out, ConfigLoad{GoFile: rel, Line: c.Line, Call: c.Call, Files: dedupe(files)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].GoFile != out[j].GoFile {
			return out[i].GoFile < out[j].GoFile
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// scanFile returns the loader calls of one Go file, from prev when the
// file is as prev saw it.
func scanFile(root, rel string, prev scanEntry) scanEntry {
	name := filepath.Join(root, filepath.FromSlash(rel))
	info, err := os.Stat(name)
	if err != nil {
		return scanEntry{}
	}
	e := scanEntry{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	if prev.Size == e.Size && prev.ModTime == e.ModTime && prev.ModTime != 0 {
		return prev
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return scanEntry{}
	}
	e.Calls = loaderCalls(rel, data)
	return e
}

// loaderCalls parses a Go file that may call a loader and returns its
// calls.
func loaderCalls(rel string, data []byte) []loaderCall {
	if !slices.ContainsFunc(loaderNeedles, func(n []byte) bool { return bytes.Contains(data, n) }) {
		return nil
	}
	fset := token.NewFileSet()
	f, err := goparser.ParseFile(fset, rel, data, goparser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	s := newSourceFile(f)
	var out []loaderCall
	var viperCall *ast.CallExpr
	var viper loaderCall
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		l, name, ok := s.loaderOf(call)
		if !ok {
			return true
		}
		arg := func(i int) (string, bool) {
			if i >= len(call.Args) {
				return "", false
			}
			return s.path(call.Args[i], 0)
		}
		switch l.viper {
		case "file":
			if p, ok := arg(0); ok {
				viper.Files = append(viper.Files, p)
			}
			viperCall = cmpCall(viperCall, call)
			return true
		case "dir":
			if p, ok := arg(0); ok {
				viper.Dirs = append(viper.Dirs, p)
			}
			viperCall = cmpCall(viperCall, call)
			return true
		case "name":
			if p, ok := arg(0); ok {
				viper.Names = append(viper.Names, p)
			}
			return true
		}
		c := loaderCall{Line: fset.Position(call.Pos()).Line, Call: name}
		for _, i := range l.file {
			from, to := i, i+1
			if i < 0 {
				from, to = 1, len(call.Args)
			}
			for j := from; j < to; j++ {
				if p, ok := arg(j); ok {
					c.Files = append(c.Files, p)
					if l.fileOrDir {
						c.Dirs = append(c.Dirs, p)
					}
				}
			}
		}
		if len(c.Files) > 0 {
			out = append(out, c)
		}
		return true
	})
	if viperCall != nil {
		viper.Line, viper.Call = fset.Position(viperCall.Pos()).Line, "viper"
		if len(viper.Names) == 0 {
			viper.Names = []string{"config"} // viper's default
		}
		out = append(out, viper)
	}
	return out
}

// cmpCall keeps the earlier of two calls: viper's calls together are one
// load, reported at the first.
func cmpCall(a, b *ast.CallExpr) *ast.CallExpr {
	if a == nil || b.Pos() < a.Pos() {
		return b
	}
	return a
}

// A matcher finds the unclaimed config files a path pattern names, taken
// from the directory the Go file is in or its nearest ancestor where it
// names any.
type matcher struct {
	dir       string // of the Go file, relative to root
	unclaimed []string
}

// files returns the config files path pattern p names.
func (m matcher) files(p string) []string {
	if !specific(p) {
		return nil
	}
	return m.nearest(p, func(pattern, f string) bool {
		ok, _ := path.Match(pattern, f)
		return ok
	})
}

// dirFiles returns the config files directly in the directories pattern p
// names; with names, only those whose name without extension is one of
// them (viper's SetConfigName).
func (m matcher) dirFiles(p string, names []string) []string {
	if !specific(p) && names == nil {
		return nil
	}
	return m.nearest(p, func(pattern, f string) bool {
		if ok, _ := path.Match(pattern, path.Dir(f)); !ok {
			return false
		}
		base := path.Base(f)
		return names == nil || slices.Contains(names, strings.TrimSuffix(base, path.Ext(base)))
	})
}

func (m matcher) nearest(p string, match func(pattern, file string) bool) []string {
	if p == "" || path.IsAbs(p) {
		return nil // an absolute path is the container's
	}
	for dir := m.dir; ; dir = path.Dir(dir) {
		pattern := path.Join(dir, p)
		if pattern != ".." && !strings.HasPrefix(pattern, "../") {
			var out []string
			for _, f := range m.unclaimed {
				if match(pattern, f) {
					out = append(out, f)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		if dir == "." {
			return nil
		}
	}
}

// specific reports whether a path pattern says enough to name files: a
// segment known in full ("conf/*/conf.yaml", "*/config.yaml",
// "../configs"), or a file name known beyond its extension. "*.yaml" and
// "*" do not.
func specific(p string) bool {
	segs := strings.Split(path.Clean(p), "/")
	for _, seg := range segs {
		if seg != "." && seg != ".." && !strings.Contains(seg, "*") {
			return true
		}
	}
	last := segs[len(segs)-1]
	return strings.Trim(strings.TrimSuffix(last, path.Ext(last)), "*") != ""
}

// A sourceFile resolves path expressions within one Go file.
type sourceFile struct {
	imports map[string]string // local name -> import path
	viper   bool              // the file imports viper: SetConfigFile etc. on a *viper.Viper count
	defs    map[string][]ast.Expr
}

func newSourceFile(f *ast.File) *sourceFile {
	s := &sourceFile{imports: map[string]string{}, defs: map[string][]ast.Expr{}}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if strings.HasPrefix(name, "v") && strings.Trim(name[1:], "0123456789") == "" && strings.Count(p, "/") > 0 {
			name = path.Base(path.Dir(p)) // .../koanf/v2 is koanf
		}
		if imp.Name != nil {
			name = imp.Name.Name
		}
		s.imports[name] = p
		s.viper = s.viper || p == viperPath
	}
	s.indexDefs(f)
	return s
}

// indexDefs records every expression the file gives each name: var and
// const specs, assignments, and the defaults flag.StringVar-like calls
// store through &name. A name with several is a wildcard.
func (s *sourceFile) indexDefs(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) && len(n.Values) == len(n.Names) {
					s.defs[name.Name] = append(s.defs[name.Name], n.Values[i])
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						s.defs[id.Name] = append(s.defs[id.Name], n.Rhs[i])
					}
				}
			} else if len(n.Rhs) == 1 && s.isGetwd(n.Rhs[0]) {
				// dir, _ := os.Getwd(): dir is the working directory.
				if id, ok := n.Lhs[0].(*ast.Ident); ok {
					s.defs[id.Name] = append(s.defs[id.Name], n.Rhs[0])
				}
			}
		case *ast.CallExpr:
			if target, def, ok := flagVar(n); ok {
				s.defs[target] = append(s.defs[target], def)
			}
		}
		return true
	})
}

// isGetwd reports whether e is a call of os.Getwd.
func (s *sourceFile) isGetwd(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && s.imports[x.Name] == "os" && sel.Sel.Name == "Getwd"
}

// flagVar reads StringVar(&x, name, default, usage) and
// StringVarP(&x, name, short, default, usage) on any flag set.
func flagVar(call *ast.CallExpr) (target string, def ast.Expr, ok bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) < 4 {
		return "", nil, false
	}
	defIndex := map[string]int{"StringVar": 2, "StringVarP": 3}[sel.Sel.Name]
	if defIndex == 0 || defIndex >= len(call.Args) {
		return "", nil, false
	}
	u, ok := call.Args[0].(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return "", nil, false
	}
	id, ok := u.X.(*ast.Ident)
	if !ok {
		return "", nil, false
	}
	return id.Name, call.Args[defIndex], true
}

// loaderOf says whether call is a loader call, and which.
func (s *sourceFile) loaderOf(call *ast.CallExpr) (loader, string, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return loader{}, "", false
	}
	if x, ok := sel.X.(*ast.Ident); ok {
		if p, ok := s.imports[x.Name]; ok {
			l, ok := loaders[p][sel.Sel.Name]
			return l, x.Name + "." + sel.Sel.Name, ok
		}
	}
	if s.viper { // v := viper.New(); v.SetConfigFile(...)
		l, ok := loaders[viperPath][sel.Sel.Name]
		return l, "viper", ok
	}
	return loader{}, "", false
}

// maxPathDepth bounds how far path follows names to their definitions.
const maxPathDepth = 8

// path resolves a path expression to a pattern with "*" for what the file
// does not say. ok is false when nothing of it is known.
func (s *sourceFile) path(e ast.Expr, depth int) (string, bool) {
	p := s.pattern(e, depth)
	return p, p != "*"
}

func (s *sourceFile) pattern(e ast.Expr, depth int) string {
	if depth > maxPathDepth {
		return "*"
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			if v, err := strconv.Unquote(e.Value); err == nil {
				return v
			}
		}
	case *ast.ParenExpr:
		return s.pattern(e.X, depth+1)
	case *ast.StarExpr: // *configFile, configFile = flag.String(...)
		return s.pattern(e.X, depth+1)
	case *ast.Ident:
		if defs := s.defs[e.Name]; len(defs) == 1 {
			return s.pattern(defs[0], depth+1)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return s.pattern(e.X, depth+1) + s.pattern(e.Y, depth+1)
		}
	case *ast.CallExpr:
		return s.callPattern(e, depth)
	}
	return "*"
}

func (s *sourceFile) callPattern(call *ast.CallExpr, depth int) string {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "*"
	}
	pkg := ""
	if x, ok := sel.X.(*ast.Ident); ok {
		pkg = s.imports[x.Name]
	}
	switch {
	case (pkg == "path/filepath" || pkg == "path") && sel.Sel.Name == "Join":
		var parts []string
		for _, a := range call.Args {
			parts = append(parts, s.pattern(a, depth+1))
		}
		return path.Join(parts...)
	case pkg == "fmt" && sel.Sel.Name == "Sprintf" && len(call.Args) > 0:
		return s.sprintf(call, depth)
	case pkg == "os" && sel.Sel.Name == "Getwd" && len(call.Args) == 0:
		return "." // the directory the service runs in, as for any relative path
	case sel.Sel.Name == "String" && len(call.Args) == 3: // flag.String(name, default, usage), on any flag set
		return s.pattern(call.Args[1], depth+1)
	case sel.Sel.Name == "StringP" && len(call.Args) == 4:
		return s.pattern(call.Args[2], depth+1)
	}
	return "*"
}

// sprintf fills a format's verbs with its arguments' patterns.
func (s *sourceFile) sprintf(call *ast.CallExpr, depth int) string {
	format := s.pattern(call.Args[0], depth+1)
	var b strings.Builder
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i == len(format)-1 {
			b.WriteByte(format[i])
			continue
		}
		i++
		if format[i] == '%' {
			b.WriteByte('%')
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if arg < len(call.Args) {
			b.WriteString(s.pattern(call.Args[arg], depth+1))
		} else {
			b.WriteString("*")
		}
		arg++
	}
	return b.String()
}
