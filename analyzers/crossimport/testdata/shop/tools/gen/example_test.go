package gen

import "testing"

// The package's test variant ("gen [gen.test]") reports the package where
// the package alone does, at gen.go, though this file's name sorts first.
func TestGen(t *testing.T) {}
