package servicemap

import (
	"path/filepath"
	"testing"
)

// TestDependencyLocations checks the cheap test For makes before any map
// work on a package of a versioned module: a copy in the module cache or a
// vendor directory is never the repository's; a local directory (a replace
// directive's sibling module) may be.
func TestDependencyLocations(t *testing.T) {
	cache := filepath.FromSlash("/home/u/go/pkg/mod")
	for _, tt := range []struct {
		dir, pkg, version string
		cached, vendor    bool
	}{
		{filepath.Join(cache, "github.com/acme/common@v1.2.0/httpclient"), "github.com/acme/common/httpclient", "v1.2.0", true, false},
		{filepath.Join(cache, "github.com/acme/common@v1.2.0"), "github.com/acme/common", "v1.2.0", true, false},
		{filepath.Join(cache, "github.com/!acme/x@v0.0.0-20250101000000-abcdef/y"), "github.com/Acme/x/y", "v0.0.0-20250101000000-abcdef", true, false},
		{filepath.Join(cache, "example.com/x@v1.0.0-!r!c1/y"), "example.com/x/y", "v1.0.0-RC1", true, false}, // escaped version
		{filepath.FromSlash("/repo/services/orders/vendor/example.com/common/httpclient"), "example.com/common/httpclient", "v0.0.0", false, true},
		{filepath.FromSlash("/repo/common/httpclient"), "example.com/common/httpclient", "v0.0.0", false, false}, // replace => ../common
		{filepath.FromSlash("/repo/common@v0.0.0x/httpclient"), "example.com/common/httpclient", "v0.0.0", false, false},
	} {
		if got := inModuleCache(tt.dir, tt.version); got != tt.cached {
			t.Errorf("inModuleCache(%s, %s) = %v, want %v", tt.dir, tt.version, got, tt.cached)
		}
		if got := vendored(tt.dir, tt.pkg); got != tt.vendor {
			t.Errorf("vendored(%s, %s) = %v, want %v", tt.dir, tt.pkg, got, tt.vendor)
		}
	}
}
