package main

import (
	"path/filepath"
	"testing"

	"github.com/couplingvet/couplingvet/boundaries"
)

// Only a process go vet started, given $WORK/bNNN/vet.cfg, shares the
// deploy tree, in $WORK (which the go command removes when it exits).
func TestDeployRunCache(t *testing.T) {
	maps := &boundaries.DiskCache{Dir: t.TempDir(), Salt: "salt"}
	work := filepath.Join(t.TempDir(), "go-build1234")
	for _, c := range []struct {
		args []string
		maps *boundaries.DiskCache
		want string
	}{
		{[]string{"-crossimport", filepath.Join(work, "b001", "vet.cfg")}, maps, work},
		{[]string{filepath.Join(work, "b001", "vet.cfg")}, nil, ""},         // COUPLINGVET_CACHE=off
		{[]string{"-V=full"}, maps, ""},                                     // no package
		{[]string{filepath.Join(t.TempDir(), "b001", "vet.cfg")}, maps, ""}, // not the go command's directory
		{[]string{filepath.Join("go-build1", "b001", "vet.cfg")}, maps, ""}, // relative
		{[]string{filepath.Join(work, "b001", "other.cfg")}, maps, ""},      // not vet's config
		{nil, maps, ""},
	} {
		got := deployRunCache(c.args, c.maps)
		switch {
		case c.want == "" && got != nil:
			t.Errorf("deployRunCache(%q) = %+v, want none", c.args, *got)
		case c.want != "" && (got == nil || got.Dir != c.want || got.Salt != maps.Salt):
			t.Errorf("deployRunCache(%q) = %v, want one in %s salted %q", c.args, got, c.want, maps.Salt)
		}
	}
}
