package value

import (
	"slices"
	"testing"
)

// TestCamelWords checks the words ardanlabs/conf splits field names into
// for their environment variables.
func TestCamelWords(t *testing.T) {
	for name, want := range map[string][]string{
		"Host":         {"Host"},
		"X":            {"X"},
		"ID":           {"ID"},
		"APIHost":      {"API", "Host"},
		"DisableTLS":   {"Disable", "TLS"},
		"MaxIdleConns": {"Max", "Idle", "Conns"},
		"FOOBar":       {"FOO", "Bar"},
		"DBHost2":      {"DB", "Host", "2"},
		"V2Host":       {"V", "2", "Host"},
		"GRPC":         {"GRPC"},
	} {
		if got := camelWords(name); !slices.Equal(got, want) {
			t.Errorf("camelWords(%q) = %q, want %q", name, got, want)
		}
	}
}
