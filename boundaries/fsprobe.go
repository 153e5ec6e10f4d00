package boundaries

import (
	"os"
	"path/filepath"
	"strings"
)

// A probe is one question a load asked the file system (or the
// environment), with the answer it got, reduced to what the load used. A
// loaded map stays valid for as long as every probe gets the same answer,
// which is what lets the disk cache reuse it without parsing the map again.
type probe struct {
	Op     string // stat, read, glob or env
	Path   string // file, directory, pattern or variable name
	Answer string
}

// files is the loader's access to the file system. With record set it notes
// every probe; the zero value just asks.
type files struct {
	record *[]probe
}

func (f files) note(op, path, answer string) {
	if f.record != nil {
		*f.record = append(*f.record, probe{op, path, answer})
	}
}

// stat returns what kind of file path is: "dir", "file" (regular), "other",
// or "" when it cannot be stat'ed. The loader only ever needs the kind.
func (f files) stat(path string) string {
	kind := statKind(path)
	f.note("stat", path, kind)
	return kind
}

func statKind(path string) string {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return ""
	case fi.IsDir():
		return "dir"
	case fi.Mode().IsRegular():
		return "file"
	default:
		return "other"
	}
}

// readFile reads path; the probe's answer is the content's digest.
func (f files) readFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	f.note("read", path, readAnswer(data, err))
	return data, err
}

func readAnswer(data []byte, err error) string {
	if err != nil {
		return "error"
	}
	return digest(data)
}

func (f files) glob(pattern string) []string {
	matches, _ := filepath.Glob(pattern)
	f.note("glob", pattern, strings.Join(matches, "\x00"))
	return matches
}

func (f files) getenv(key string) string {
	v := os.Getenv(key)
	f.note("env", key, v)
	return v
}

// subdirs lists the directories in dir. It only serves "did you mean"
// suggestions for a directory that does not exist, and a map with such an
// error is never cached, so it records nothing.
func (files) subdirs(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range ents {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

// entries lists the names in dir, files and directories, for "did you
// mean" suggestions only (see subdirs).
func (files) entries(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
	}
	return names
}

// stillHolds asks p's question again and reports whether the answer is the
// same.
func (p probe) stillHolds() bool {
	switch p.Op {
	case "stat":
		return statKind(p.Path) == p.Answer
	case "read":
		data, err := os.ReadFile(p.Path)
		return readAnswer(data, err) == p.Answer
	case "glob":
		matches, _ := filepath.Glob(p.Path)
		return strings.Join(matches, "\x00") == p.Answer
	case "env":
		return os.Getenv(p.Path) == p.Answer
	}
	return false
}
