package report

import (
	"path/filepath"
	"strings"
)

// within returns file relative to base when file lies inside base.
func within(base, file string) (string, bool) {
	if base == "" || file == "" || !filepath.IsAbs(file) {
		return "", false
	}
	rel, err := filepath.Rel(base, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// textPath is file relative to the working directory, or file unchanged
// when it lies outside it.
func textPath(workDir, file string) string {
	if rel, ok := within(workDir, file); ok {
		return rel
	}
	return file
}

// repoPath is file relative to the repository root with forward slashes,
// or file with forward slashes when it lies outside the root.
func repoPath(root, file string) string {
	if rel, ok := within(root, file); ok {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(file)
}
