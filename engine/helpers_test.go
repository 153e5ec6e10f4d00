package engine_test

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

var reflectInt = reflect.TypeOf(0)

func itoa(i int) string { return strconv.Itoa(i) }

// goEnv is the environment of the tests' go commands: none of the caller's
// GOFLAGS or GOWORK. Modules come from the cache, or once from the proxy
// (testdata/shop requires the real gRPC module).
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=", "GOWORK=")
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, string(data)+text)
}

func replaceInFile(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	writeFile(t, name, strings.Replace(string(data), old, new, 1))
}

// writeFile writes and moves the modification time on, so that the edit
// shows however coarse the file system's clock is.
func writeFile(t *testing.T, name, text string) {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later := fi.ModTime().Add(time.Second)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
}
