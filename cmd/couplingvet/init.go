package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/internal/atomicfile"
	"github.com/couplingvet/couplingvet/mapinit"
)

const initUsage = `couplingvet init writes a starter boundary map, couplingvet.yaml, for the
repository in the current directory (or -C dir): services from the layout,
contracts and gRPC names from generated code, shared code from what several
services import, hosts, env keys and databases from docker-compose and
Kubernetes files. Every guess is commented with where it came from.

Usage:
  couplingvet init [-C dir] [-force] [-o file]

Flags:
%s
Exit codes:
  0  the map was written
  2  bad usage, a map already exists (without -force), or nothing to write
`

// initMain runs couplingvet init and returns its exit code.
func initMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("couplingvet init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("C", "", "the repository root to write the map for (default: the current directory)")
	force := fs.Bool("force", false, "replace an existing map (couplingvet.yaml, .yml or .toml)")
	out := fs.String("o", "", "write the map to `file` instead of <dir>/couplingvet.yaml; - prints it on stdout")
	fs.Usage = func() {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
		fmt.Fprintf(stderr, initUsage, b.String())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "couplingvet init: "+format+"\n", a...)
		return exitUsage
	}
	if fs.NArg() > 0 {
		return fail("unexpected arguments %q: init takes no packages; use -C to name the repository", fs.Args())
	}
	root := *dir
	if root == "" {
		root = "."
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return fail("%v", err)
	}
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return fail("-C %s: not a directory", *dir)
	}
	target := *out
	if target == "" {
		target = filepath.Join(root, boundaries.FileNames[0])
	}
	var existing []string
	if *out == "" {
		for _, name := range boundaries.FileNames {
			if _, err := os.Stat(filepath.Join(root, name)); err == nil {
				existing = append(existing, name)
			}
		}
	} else if *out != "-" {
		if _, err := os.Stat(target); err == nil {
			existing = append(existing, target)
		}
	}
	if len(existing) > 0 && !*force {
		return fail("%s already exists in %s: init does not overwrite a map; pass -force to replace it, or -o - to print the guess", strings.Join(existing, " and "), root)
	}

	m, err := mapinit.Infer(root)
	if err != nil {
		return fail("%v", err)
	}
	data := m.YAML()
	// The guess must load: a map init writes and couplingvet then rejects
	// would be worse than none.
	if _, err := boundaries.LoadBytes(boundaries.FileNames[0], data, root); err != nil {
		return fail("the guessed map does not validate (a bug in init; please report it):\n%v", err)
	}
	if *out == "-" {
		stdout.Write(data)
		return exitClean
	}
	if err := atomicfile.Write(target, data, 0o644); err != nil {
		return fail("%v", err)
	}
	for _, name := range existing {
		if p := filepath.Join(root, name); *out == "" && p != target {
			if err := os.Remove(p); err != nil {
				return fail("wrote %s, but could not remove the map it replaces: %v", target, err)
			}
		}
	}
	fmt.Fprintf(stderr, "couplingvet init: wrote %s: %d services; check every guess, then run couplingvet -check-config and couplingvet ./...\n", relTo(mustGetwd(), target), len(m.Services))
	return exitClean
}

func mustGetwd() string {
	wd, _ := os.Getwd()
	return wd
}
