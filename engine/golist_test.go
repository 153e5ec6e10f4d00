package engine

import (
	"slices"
	"testing"
)

func TestWithoutModuleIndex(t *testing.T) {
	for _, tc := range []struct {
		env, want []string
	}{
		{[]string{"HOME=/h"}, []string{"HOME=/h", "GODEBUG=goindex=0"}},
		{[]string{"GODEBUG="}, []string{"GODEBUG=goindex=0"}},
		{[]string{"GODEBUG=gctrace=1", "A=b"}, []string{"GODEBUG=gctrace=1,goindex=0", "A=b"}},
		// The user's own choice stands.
		{[]string{"GODEBUG=goindex=1"}, []string{"GODEBUG=goindex=1"}},
		// The last GODEBUG is the one the go command sees.
		{[]string{"GODEBUG=x=1", "GODEBUG=y=2"}, []string{"GODEBUG=x=1", "GODEBUG=y=2,goindex=0"}},
	} {
		env := slices.Clone(tc.env)
		got := withoutModuleIndex(env)
		if !slices.Equal(got, tc.want) {
			t.Errorf("withoutModuleIndex(%q) = %q, want %q", tc.env, got, tc.want)
		}
		if !slices.Equal(env, tc.env) {
			t.Errorf("withoutModuleIndex(%q) changed its argument to %q", tc.env, env)
		}
	}
}

func TestWithListCollector(t *testing.T) {
	for _, tc := range []struct {
		env, want []string
	}{
		{[]string{"HOME=/h"}, []string{"HOME=/h", "GOGC=" + listGCPercent}},
		// Empty is unset; the last of duplicate keys is the one go list sees.
		{[]string{"GOGC="}, []string{"GOGC=", "GOGC=" + listGCPercent}},
		// The user's own settings stand.
		{[]string{"GOGC=50"}, []string{"GOGC=50"}},
		{[]string{"GOMEMLIMIT=1GiB", "A=b"}, []string{"GOMEMLIMIT=1GiB", "A=b"}},
	} {
		env := slices.Clone(tc.env)
		got := withListCollector(env)
		if !slices.Equal(got, tc.want) {
			t.Errorf("withListCollector(%q) = %q, want %q", tc.env, got, tc.want)
		}
		if !slices.Equal(env, tc.env) {
			t.Errorf("withListCollector(%q) changed its argument to %q", tc.env, env)
		}
	}
}
