package value

import (
	"go/ast"
	"slices"
	"testing"
)

// TestExpand checks how references to environment variables in a value
// from a file (or an os.ExpandEnv template) become Env parts.
func TestExpand(t *testing.T) {
	tests := map[string]string{
		"http://orders:8080":                  "http://orders:8080",
		"http://${HOST}:8080/v1":              "http://{env:HOST}:8080/v1",
		"${HOST:-orders}:$PORT":               "{env:HOST}:{env:PORT}",
		"postgres://u:p@${DB_HOST-db}/x":      "postgres://u:p@{env:DB_HOST}/x",
		"price: $5":                           "price: $5",
		"$$":                                  "$$",
		"${unterminated":                      "${unterminated",
		"a$":                                  "a$",
		"${BAD NAME}":                         "${BAD NAME}",
		"mongodb://$MONGO_HOST:$MONGO_PORT/x": "mongodb://{env:MONGO_HOST}:{env:MONGO_PORT}/x",
	}
	for in, want := range tests {
		if got := expand(in).String(); got != want {
			t.Errorf("expand(%q) = %s, want %s", in, got, want)
		}
	}
	if p := expand("${HOST:-orders}").Parts[0]; p.Text != "orders" {
		t.Errorf("expand(${HOST:-orders}) default = %q, want orders", p.Text)
	}
}

// TestExpandEnvCall checks os.ExpandEnv in code.
func TestExpandEnvCall(t *testing.T) {
	const src = `package p

import "os"

const tmpl = "postgres://app@${DB_HOST}:5432/orders"

func show(string) {}

func f() {
	show(os.ExpandEnv(tmpl))
	show(os.ExpandEnv("http://" + os.Getenv("X") + "/$PATH_PREFIX"))
}
`
	got := resolveShown(t, src, func(r *Resolver, e ast.Expr) string { return r.Resolve(e).String() })
	want := []string{"postgres://app@{env:DB_HOST}:5432/orders", "http://{env:X}/{env:PATH_PREFIX}"}
	if !slices.Equal(got, want) {
		t.Errorf("os.ExpandEnv resolved to %q, want %q", got, want)
	}
}
