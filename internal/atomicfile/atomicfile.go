// Package atomicfile replaces files whole: a reader, or a process
// interrupted half-way, sees the old contents or the new, never a mix. The
// result cache, the map cache and baselines are written this way.
package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces name with data and gives it perm. It writes a temporary
// file in name's directory, which must exist, and renames it over name.
func Write(name string, data []byte, perm fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
