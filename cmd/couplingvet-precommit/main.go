// Command couplingvet-precommit runs couplingvet from pre-commit hooks
// (.pre-commit-hooks.yaml at the repository root).
//
// Usage:
//
//	couplingvet-precommit [-all] [couplingvet flags] [--] [files...]
//
// Given the staged files that pre-commit passes, it runs `couplingvet ./...`
// once in each Go module that holds one of them: the directory of the
// nearest go.mod above the file. A staged boundary map (couplingvet.yaml,
// .yml or .toml) or go.work selects every module below its directory, since
// it changes what is allowed everywhere it governs; so does a deploy or
// config file outside every module (a root docker-compose.yml, a Kubernetes
// manifest, a .env), whose values any service's code may read. With -all it runs in
// every module of the repository. Directories named testdata or vendor, and
// those starting with "." or "_", are never searched for modules, as the go
// command ignores them.
//
// Whole modules rather than the touched packages are checked because a
// change can create a violation elsewhere: a shared package that starts to
// import orders' internals is reported in every service that imports the
// shared package. For the same reason, a module that reaches a touched
// module through a replace directive to a local directory (replace
// example.com/common => ../common: shared code in a sibling module) is
// checked too, transitively; the modules considered are those of the
// boundary map (the one -config= names, $COUPLINGVET_CONFIG, else
// couplingvet.yaml, .yml or .toml at the repository root).
//
// Arguments that start with "-" (other than -all) are passed to couplingvet
// unchanged, except that relative paths in -config=, -baseline= and
// -write-baseline= are made absolute, since couplingvet runs in each module's
// directory. Write flags as -name=value: pre-commit appends the file names
// after the hook's args, so a separate value would be taken for a file.
//
// The couplingvet binary is the one installed next to this command (pre-commit's
// `go install ./...` installs both), else the first on $PATH. Its output is
// shown unchanged, headed by the module directory when that is not the
// repository root; the exit code is the highest couplingvet returned (1 for
// violations, 2 for bad usage or a bad map, 3 for packages that failed to
// load), so the commit is blocked whenever a check fails.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/mod/modfile"
)

// exitUsage is couplingvet's exit code for bad usage.
const exitUsage = 2

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "couplingvet-precommit:", err)
		return exitUsage
	}
	inv, err := parseArgs(args, root)
	if err != nil {
		fmt.Fprintln(stderr, "couplingvet-precommit:", err)
		return exitUsage
	}
	var modules []string
	if inv.all {
		modules, err = modulesBelow(root)
	} else {
		modules, err = modulesOf(root, inv.files)
		if err == nil && len(modules) > 0 {
			modules = withReplaceDependents(modules, mapModules(root, inv.flags))
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "couplingvet-precommit:", err)
		return exitUsage
	}
	if len(modules) == 0 {
		return 0
	}
	bin, err := couplingvetBinary()
	if err != nil {
		fmt.Fprintln(stderr, "couplingvet-precommit:", err)
		return exitUsage
	}
	worst := 0
	for _, dir := range modules {
		worst = max(worst, runIn(bin, root, dir, inv.flags, stdout, stderr))
	}
	return worst
}

// An invocation is what the arguments ask for.
type invocation struct {
	all   bool
	flags []string // passed to couplingvet
	files []string // staged files, relative to the repository root
}

// pathFlags are couplingvet's flags whose value is a file path.
var pathFlags = []string{"config", "baseline", "write-baseline"}

func parseArgs(args []string, root string) (invocation, error) {
	var inv invocation
	for i, a := range args {
		switch {
		case a == "--":
			inv.files = append(inv.files, args[i+1:]...)
			return inv, nil
		case a == "-all" || a == "--all":
			inv.all = true
		case strings.HasPrefix(a, "-"):
			name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if slices.Contains(pathFlags, name) {
				if !hasValue {
					return inv, fmt.Errorf("write %s=VALUE: pre-commit appends file names after the hook's args", a)
				}
				if value != "" && !filepath.IsAbs(value) {
					a = "-" + name + "=" + filepath.Join(root, value)
				}
			}
			inv.flags = append(inv.flags, a)
		default:
			inv.files = append(inv.files, a)
		}
	}
	return inv, nil
}

// modulesOf returns the sorted, distinct module directories the staged
// files select.
func modulesOf(root string, files []string) ([]string, error) {
	set := map[string]bool{}
	for _, f := range files {
		abs := f
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(root, f)
		}
		if selectsBelow(filepath.Base(f)) {
			below, err := modulesBelow(filepath.Dir(abs))
			if err != nil {
				return nil, err
			}
			for _, m := range below {
				set[m] = true
			}
		}
		m := moduleOf(root, filepath.Dir(abs))
		if m != "" {
			set[m] = true
		} else if deployOrConfig(f) {
			// docker-compose.yml, a manifest, a .env outside every module:
			// it gives values to any service's code.
			below, err := modulesBelow(root)
			if err != nil {
				return nil, err
			}
			for _, m := range below {
				set[m] = true
			}
		}
	}
	mods := make([]string, 0, len(set))
	for m := range set {
		mods = append(mods, m)
	}
	slices.Sort(mods)
	return mods, nil
}

// mapModules returns the directories of the modules the boundary map names,
// or nil when there is no map or it does not load (couplingvet then says
// why, in each module it runs in).
func mapModules(root string, flags []string) []string {
	path := os.Getenv(servicemap.EnvConfig)
	for _, f := range flags {
		if v, ok := strings.CutPrefix(strings.TrimLeft(f, "-"), "config="); ok {
			path = v // made absolute by parseArgs
		}
	}
	if path == "" {
		found, err := boundaries.Find(root)
		if err != nil || found == "" {
			return nil
		}
		path = found
	}
	m, err := boundaries.Load(path)
	if err != nil {
		return nil
	}
	var dirs []string
	for _, mod := range m.Modules() {
		dirs = append(dirs, mod.Dir)
	}
	return dirs
}

// withReplaceDependents adds to mods, sorted, every module of candidates
// that reaches one of them through replace directives to local directories,
// directly or through other candidates: a change to shared code in a
// sibling module changes what the services that use it call, and each of
// them is checked in its own module, where the sibling is a dependency.
func withReplaceDependents(mods, candidates []string) []string {
	dependents := map[string][]string{} // module directory -> candidates that replace a module by it
	for _, dir := range candidates {
		for _, target := range localReplacements(dir) {
			dependents[target] = append(dependents[target], dir)
		}
	}
	set := map[string]bool{}
	queue := slices.Clone(mods)
	for len(queue) > 0 {
		dir := queue[0]
		queue = queue[1:]
		if set[dir] {
			continue
		}
		set[dir] = true
		queue = append(queue, dependents[filepath.Clean(dir)]...)
	}
	out := make([]string, 0, len(set))
	for dir := range set {
		out = append(out, dir)
	}
	slices.Sort(out)
	return out
}

// localReplacements returns the directories that the go.mod in dir
// replaces modules by, absolute and cleaned.
func localReplacements(dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return nil
	}
	f, err := modfile.Parse("go.mod", data, nil) // ParseLax drops replace directives
	if err != nil {
		return nil
	}
	var out []string
	for _, r := range f.Replace {
		if r.New.Version != "" || !modfile.IsDirectoryPath(r.New.Path) {
			continue // a module, not a directory
		}
		target := filepath.FromSlash(r.New.Path)
		if !filepath.IsAbs(target) {
			target = filepath.Join(dir, target)
		}
		out = append(out, filepath.Clean(target))
	}
	return out
}

// selectsBelow reports whether a staged file of this name affects every
// module below its directory.
func selectsBelow(name string) bool {
	switch name {
	case "couplingvet.yaml", "couplingvet.yml", "couplingvet.toml", "go.work":
		return true
	}
	return false
}

// deployOrConfig reports whether a staged file may be a deploy or config
// file, whose values couplingvet reads (see package deploy).
func deployOrConfig(name string) bool {
	base := filepath.Base(name)
	switch filepath.Ext(base) {
	case ".yaml", ".yml", ".json", ".toml", ".env":
		return true
	}
	return base == ".env"
}

// moduleOf returns the directory of the nearest go.mod at or above dir,
// without leaving root, or "" when the file belongs to no module.
func moduleOf(root, dir string) string {
	for {
		if isFile(filepath.Join(dir, "go.mod")) {
			return dir
		}
		if dir == root {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir || !within(root, parent) {
			return ""
		}
		dir = parent
	}
}

// modulesBelow returns the directories at or below dir that hold a go.mod,
// sorted, skipping the directories the go command ignores.
func modulesBelow(dir string) ([]string, error) {
	var mods []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != dir && ignoredDir(d.Name()) {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == "go.mod" {
			mods = append(mods, filepath.Dir(path))
		}
		return nil
	})
	slices.Sort(mods)
	return mods, err
}

func ignoredDir(name string) bool {
	return name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// couplingvetBinary finds the couplingvet that was installed with this
// command, falling back to $PATH.
func couplingvetBinary() (string, error) {
	if self, err := os.Executable(); err == nil {
		sibling := filepath.Join(filepath.Dir(self), "couplingvet"+filepath.Ext(self))
		if isFile(sibling) {
			return sibling, nil
		}
	}
	bin, err := exec.LookPath("couplingvet")
	if err != nil {
		return "", errors.New("couplingvet is not installed next to couplingvet-precommit nor on $PATH: go install github.com/couplingvet/couplingvet/cmd/couplingvet@latest")
	}
	return bin, nil
}

// runIn runs couplingvet on every package of the module in dir and returns
// its exit code.
func runIn(bin, root, dir string, flags []string, stdout, stderr io.Writer) int {
	if rel, err := filepath.Rel(root, dir); err == nil && rel != "." {
		fmt.Fprintf(stderr, "couplingvet-precommit: in module %s:\n", filepath.ToSlash(rel))
	}
	cmd := exec.Command(bin, append(slices.Clone(flags), "./...")...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit) && exit.ExitCode() > 0:
		return exit.ExitCode()
	default:
		fmt.Fprintf(stderr, "couplingvet-precommit: running %s in %s: %v\n", bin, dir, err)
		return exitUsage
	}
}
