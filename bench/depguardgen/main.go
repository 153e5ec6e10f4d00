// Command depguardgen derives, from a repository's boundary map, the
// golangci-lint v2 configuration that bench/run -repo measures couplingvet
// against: only depguard, denying the imports couplingvet's crossimport
// check reports directly. It also answers bench/run's other questions about
// the repository, so that the script parses neither YAML nor go.work.
//
//	depguardgen [-o FILE] DIR    write the configuration (default: stdout)
//	depguardgen -modules DIR     print the module directories (a go.work's, ".", or the map's)
//	depguardgen -touch DIR       print the file a "touch" run edits
//
// DIR must hold the map (couplingvet.yaml, .yml or .toml) at its root.
//
// The rules: each service gets a depguard rule (list-mode lax) whose files
// are its directories (contracts included) and which denies every other
// service's private code: that service's owned directories minus its
// contracts and minus directories nested in them that the map gives to
// someone else, as import path prefixes ("P$" for the package itself, "P/"
// for those below it). Import paths come from the go.mod that holds each
// directory, so a repository of several modules, with or without a go.work,
// gets each directory's path in its own module. Shared code gets a rule
// denying every service's private code. Directories nested in a denied one
// that are not denied (a contract inside its service's directory) are
// allowed prefixes, which depguard's lax mode lets win because they are
// longer. The map's allow rules for crossimport are honoured: without a
// target, the pair of services is not denied; with one, the target is
// allowed. Owners come from the map's own query (OwnerOfDir), so globs and
// nesting mean what they mean to couplingvet. depguard compares an import
// with one prefix per list (the one that sorts just before it), so nested
// exceptions (a denied directory inside an allowed one inside a denied one)
// and service directories inside someone else's inside the service's own
// get rules of their own ("svc (2)"): the rules mean what the map means.
//
// Limits: depguard sees only direct imports, so a service importing shared
// code that reaches another service's private code through other shared
// code (which couplingvet reports) goes unreported; the shared code's own
// import of the private code is reported. Packages in no module (no go.mod
// at or above their directory) get no import path and are not denied.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/mod/modfile"
)

func main() {
	var (
		out     = flag.String("o", "", "write the configuration to `file` (default: stdout)")
		modules = flag.Bool("modules", false, "print the module directories (relative to DIR), one per line: a go.work's, or \".\" for a root go.mod, or every module the map names")
		touch   = flag.Bool("touch", false, "print the file (relative to DIR) that a touch run edits: the first non-test .go file of the map's first service")
	)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: depguardgen [-o FILE | -modules | -touch] DIR\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := loadMap(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	switch {
	case *modules:
		dirs, err := moduleDirs(m)
		if err != nil {
			fail(err)
		}
		fmt.Println(strings.Join(dirs, "\n"))
	case *touch:
		file, err := touchFile(m)
		if err != nil {
			fail(err)
		}
		fmt.Println(file)
	default:
		rules, err := generate(m, time.Now())
		if err != nil {
			fail(err)
		}
		if len(rules) == 0 {
			fail(fmt.Errorf("%s: the map denies nothing (fewer than two services?)", m.File))
		}
		text := render(m.File, rules)
		if *out == "" {
			fmt.Print(text)
		} else if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "depguardgen:", err)
	os.Exit(2)
}

// loadMap loads the map at the root of dir (not above it).
func loadMap(dir string) (*boundaries.Map, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	file, err := boundaries.Find(abs)
	if err != nil {
		return nil, err
	}
	if file == "" || filepath.Dir(file) != abs {
		return nil, fmt.Errorf("%s has no boundary map (%s) at its root", dir, strings.Join(boundaries.FileNames, ", "))
	}
	return boundaries.Load(file)
}

// moduleDirs returns the module directories, relative to the root: those
// of a go.work at the root; else "." when the root holds a go.mod; else every
// module below the root that the map knows of (one module per service
// without a go.work), sorted.
func moduleDirs(m *boundaries.Map) ([]string, error) {
	if _, err := os.Stat(filepath.Join(m.Root, "go.work")); err == nil {
		return workDirs(m.Root)
	}
	if _, err := os.Stat(filepath.Join(m.Root, "go.mod")); err == nil {
		return []string{"."}, nil
	}
	var dirs []string
	for _, mod := range m.Modules() {
		rel, err := filepath.Rel(m.Root, mod.Dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		dirs = append(dirs, filepath.ToSlash(rel))
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("%s: no go.mod or go.work at the root and no module below it that the map names", m.Root)
	}
	sort.Strings(dirs)
	return dirs, nil
}

// workDirs returns the directories a go.work at the root uses, relative to it.
func workDirs(root string) ([]string, error) {
	file := filepath.Join(root, "go.work")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	wf, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, u := range wf.Use {
		dirs = append(dirs, filepath.ToSlash(filepath.Clean(u.Path)))
	}
	return dirs, nil
}

// touchFile returns the first non-test .go file, in lexical order, of the
// private code of the map's first service (the first in the file) that has
// one and lies in a module.
func touchFile(m *boundaries.Map) (string, error) {
	services := append([]*boundaries.Service(nil), m.Services...)
	sort.SliceStable(services, func(i, j int) bool { return services[i].Line < services[j].Line })
	for _, s := range services {
		var found string
		err := filepath.WalkDir(m.Root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || found != "" {
				return filepath.SkipDir
			}
			if d.IsDir() {
				if p != m.Root && skipDir(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			dir := filepath.Dir(p)
			if o := m.OwnerOfDir(dir); o.Role != boundaries.Private || o.Service != s.Name || moduleAbove(dir).path == "" {
				return nil
			}
			found = p
			return filepath.SkipAll
		})
		if err != nil {
			return "", err
		}
		if found != "" {
			rel, err := filepath.Rel(m.Root, found)
			return filepath.ToSlash(rel), err
		}
	}
	return "", fmt.Errorf("%s: no service has a non-test .go file in its private code", m.File)
}
