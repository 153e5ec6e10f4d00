package engine_test

import (
	"os"
	"reflect"
	"strconv"
)

var reflectInt = reflect.TypeOf(0)

func itoa(i int) string { return strconv.Itoa(i) }

// offline is the environment of the tests' go commands: no network, and
// none of the caller's GOFLAGS or GOWORK.
func offline() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=", "GOWORK=")
}
