// Command couplingvet finds coupling between the services of a Go monorepo:
// imports of another service's private code, connections to another
// service's database, and synchronous calls to another service, as declared
// in a boundary map (couplingvet.yaml) at the repository root.
//
// One binary runs in two modes.
//
// Standalone, it loads the packages itself, sees the whole repository at
// once, and prints findings with a summary and an exit code for CI:
//
//	couplingvet [flags] [packages]     # default ./...
//
// As a vet tool, go vet runs it once per package and caches the results:
//
//	go vet -vettool=$(command -v couplingvet) ./...
//
// A first map is a minute's work: couplingvet init writes a starter
// couplingvet.yaml guessed from the layout, the generated code and the
// deploy files, every guess commented with where it came from.
//
// The mode is chosen from the arguments: go vet passes a single *.cfg file,
// or -flags, or -V=full; anything else is a standalone run. Run
// couplingvet -h for the flags and exit codes.
package main

import (
	"os"
	"strings"
)

func main() {
	args := os.Args[1:]
	if invokedByGoVet(args) {
		vetMain()
		return
	}
	os.Exit(standalone(args, os.Stdout, os.Stderr))
}

// invokedByGoVet reports whether args are go vet's: the unit of work is a
// JSON config file named *.cfg as the last argument (after any analyzer
// flags), and go vet asks a tool for its flags (-flags) and its identity
// (-V=full) before using it.
func invokedByGoVet(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V=") || a == "-V" {
			return true
		}
	}
	last := args[len(args)-1]
	return strings.HasSuffix(last, ".cfg") && !strings.HasPrefix(last, "-")
}
