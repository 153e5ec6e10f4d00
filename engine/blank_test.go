package engine

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBlankBodies checks on hand-picked shapes and on the standard
// library's own files that parsing a file with its bodies blanked gives
// the syntax that parsing it and dropping its bodies gives.
func TestBlankBodies(t *testing.T) {
	shapes := map[string]string{
		"plain":            "package p\n\nfunc f(a int) int {\n\tif a > 0 {\n\t\treturn a\n\t}\n\treturn -a\n}\n",
		"struct result":    "package p\n\nfunc f() struct{ a int } {\n\treturn struct{ a int }{1}\n}\n",
		"interface param":  "package p\n\nfunc f(x interface{ M() }) interface{} {\n\treturn x\n}\n",
		"generic":          "package p\n\nfunc F[T interface{ ~int | ~string }](x T) T {\n\tvar zero T\n\t_ = zero\n\treturn x\n}\n",
		"method":           "package p\n\ntype T struct{}\n\nfunc (t *T) M(s string) (n int, err error) {\n\treturn len(s), nil\n}\n",
		"asm":              "package p\n\nfunc add(a, b int) int\n\ntype S struct {\n\tx int\n}\n\nfunc g() { _ = add(1, 2) }\n",
		"strings":          "package p\n\nfunc f() string {\n\ts := \"}\" + `{\n}` + string('}') + \"\\\"{\"\n\treturn s // }\n}\n\n/* func h() { */\nfunc g() {}\n",
		"func result":      "package p\n\nfunc f() func() {\n\treturn func() {}\n}\n",
		"asm then literal": "package p\n\nfunc add(a, b int) int\n\nvar y = T{1}.M()\n\ntype T struct{ a int }\n\nfunc (T) M() int { return 0 }\n",
		"chan struct":      "package p\n\nfunc f() chan struct{} {\n\treturn nil\n}\n",
	}
	for name, src := range shapes {
		t.Run(name, func(t *testing.T) { compareBlanked(t, name, []byte(src), true) })
	}

	// The standard library: every file of a sample of its packages.
	root := filepath.Join(runtime.GOROOT(), "src")
	n := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.Contains(path, "testdata") {
			return nil
		}
		n++
		if n%7 != 0 {
			return nil
		}
		src, err := os.ReadFile(path)
		if err == nil {
			compareBlanked(t, path, src, false)
		}
		return nil
	})
}

// compareBlanked parses src with its bodies blanked and as it is, drops
// the bodies of both, and compares the printed syntax. mustBlank says
// that blankBodies must have blanked something.
func compareBlanked(t *testing.T, name string, src []byte, mustBlank bool) {
	t.Helper()
	want, err := parseDropped(src)
	if err != nil {
		return // not a file the parser takes: nothing to compare
	}
	blanked := blankBodies(src)
	if blanked == nil {
		if mustBlank {
			t.Errorf("%s: blankBodies gave up", name)
		}
		return
	}
	if len(blanked) != len(src) || bytes.Count(blanked, []byte("\n")) != bytes.Count(src, []byte("\n")) {
		t.Errorf("%s: blanking moved positions", name)
	}
	if mustBlank && bytes.Equal(blanked, src) {
		t.Errorf("%s: nothing blanked", name)
	}
	got, err := parseDropped(blanked)
	if err != nil {
		t.Errorf("%s: the blanked file does not parse: %v", name, err)
		return
	}
	if got != want {
		t.Errorf("%s: blanked syntax differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func parseDropped(src []byte) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		return "", err
	}
	dropBodies(f)
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, (*ast.File)(f)); err != nil {
		return "", err
	}
	return buf.String(), nil
}
