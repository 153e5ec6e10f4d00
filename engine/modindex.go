package engine

// Whether the go command's module index covers this project.
//
// The module index is the go command's cache, in GOCACHE, of what it reads
// from a module's directory in the module cache (every package's files,
// imports and build constraints). Reading it makes go list 2-3x faster;
// building it costs more than the listing itself (see listEnv). A cache
// that a build of this project filled holds it; a cache in use by other
// projects holds other modules' (on lebron with a cache filled by
// go-coffeeshop's build, a first run that built lebron's index took 0.8 s
// longer than one that did without).
//
// So the run looks for the index's entry of the module's direct
// requirements before it lists. The entry's key is the go command's own
// (cmd/go/internal/modindex.moduleHash): a SHA-256 of the toolchain's
// version (the salt every cache key starts with), then "module index",
// the version again, the index format and the module's directory. Should
// a Go release change any of it, no entry is found and go list goes
// without the index, as before: never a wrong answer, only a slower one.
// TestModuleIndexFollowsTheBuildCache checks the key against the running go
// command.

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// moduleIndexFormat is the go command's indexVersion
// (cmd/go/internal/modindex), unchanged since Go 1.20.
const moduleIndexFormat = "go index v2"

// maxIndexProbes bounds the requirements looked up: any one found is
// enough, and a project whose first few are missing was not built here.
const maxIndexProbes = 8

// moduleIndexed reports whether the build cache gocache holds the module
// index of at least one direct requirement of the project's modules
// (gomods: projectGoMods), given the go env settings goenv, and whether it
// looked for any (a project without requirements tells nothing).
func moduleIndexed(gocache string, goenv map[string]string, gomods []string) (indexed, looked bool) {
	version, modcache := goenv["GOVERSION"], goenv["GOMODCACHE"]
	if version == "" || modcache == "" {
		return false, false
	}
	probes := 0
	for _, gomod := range gomods {
		for _, root := range directRequirements(gomod, modcache) {
			if probes++; probes > maxIndexProbes {
				return false, true
			}
			if _, err := os.Stat(indexEntry(gocache, version, root)); err == nil {
				return true, true
			}
		}
	}
	return false, probes > 0
}

// indexEntry is the file of the build cache that holds the action entry of
// the module index of the module in directory modroot.
func indexEntry(gocache, version, modroot string) string {
	salt, _, _ := strings.Cut(version, " X:") // the key's salt leaves out experiments
	h := sha256.New()
	h.Write([]byte(salt))
	fmt.Fprintf(h, "module index %s %s %v\n", version, moduleIndexFormat, modroot)
	id := h.Sum(nil)
	return filepath.Join(gocache, fmt.Sprintf("%02x", id[0]), fmt.Sprintf("%x-a", id))
}

// projectGoMods returns the go.mod files of the project: the workspace's
// modules, else the main module's. A vendored project gets none: its
// builds read vendor/, which the index does not cover, so the lookup
// could not tell a build of it from none (the file count decides then).
func projectGoMods(goenv map[string]string) []string {
	if work := goenv["GOWORK"]; work != "" && work != "off" {
		if vendored(filepath.Dir(work)) {
			return nil
		}
		data, err := os.ReadFile(work)
		if err != nil {
			return nil
		}
		wf, err := modfile.ParseWork(work, data, nil)
		if err != nil {
			return nil
		}
		var out []string
		for _, u := range wf.Use {
			dir := u.Path
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(filepath.Dir(work), dir)
			}
			out = append(out, filepath.Join(dir, "go.mod"))
		}
		return out
	}
	if gomod := goenv["GOMOD"]; gomod != "" && gomod != os.DevNull && !vendored(filepath.Dir(gomod)) {
		return []string{gomod}
	}
	return nil
}

// vendored reports whether the module or workspace in dir has a vendor
// directory that its builds read.
func vendored(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "vendor", "modules.txt"))
	return err == nil
}

// directRequirements returns the module cache directories of the modules
// that gomod requires directly and does not replace.
func directRequirements(gomod, modcache string) []string {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return nil
	}
	f, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return nil
	}
	replaced := map[string]bool{}
	for _, r := range f.Replace {
		replaced[r.Old.Path] = true
	}
	var out []string
	for _, r := range f.Require {
		if r.Indirect || replaced[r.Mod.Path] {
			continue
		}
		path, err1 := module.EscapePath(r.Mod.Path)
		version, err2 := module.EscapeVersion(r.Mod.Version)
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, filepath.Join(modcache, path+"@"+version))
	}
	return out
}
