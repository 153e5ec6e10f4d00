package main

import "testing"

func TestInvokedByGoVet(t *testing.T) {
	for _, tc := range []struct {
		args []string
		vet  bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/go-build123/b001/vet.cfg"}, true},
		{[]string{"-json", "-config=/repo/couplingvet.yaml", "/tmp/go-build123/b001/vet.cfg"}, true},
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"-format", "json", "./services/..."}, false},
		{[]string{"-check-config", "couplingvet.yaml"}, false},
		{[]string{"-version"}, false},
	} {
		if got := invokedByGoVet(tc.args); got != tc.vet {
			t.Errorf("invokedByGoVet(%q) = %v, want %v", tc.args, got, tc.vet)
		}
	}
}

func TestConfigFromArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-V=full"}, ""},
		{[]string{"-config=/a.yaml", "-V=full"}, "/a.yaml"},
		{[]string{"-config", "/b.yaml", "-V=full"}, "/b.yaml"},
		{[]string{"--config=/c.yaml", "-V=full"}, "/c.yaml"},
		{[]string{"config", "-V=full"}, ""},
	} {
		if got := configFromArgs(tc.args); got != tc.want {
			t.Errorf("configFromArgs(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
