package boundaries

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

var smallDirs = map[string]string{
	"go.mod":                  "module example.com/small\n\ngo 1.26\n",
	"pkg/":                    "",
	"services/orders/legacy/": "",
	"services/billing/":       "",
	"api/orders/":             "",
}

const smallYAML = `version: 1
shared: [pkg]
services:
  orders:
    owns: [services/orders]
    contracts: [api/orders]
  billing:
    owns: [services/billing]
`

// loadErrors loads a map that must be bad and returns its errors.
func loadErrors(t *testing.T, name, content string) Errors {
	t.Helper()
	fixClock(t, "2026-01-15")
	files := map[string]string{name: content}
	for k, v := range smallDirs {
		files[k] = v
	}
	root := repo(t, files)
	m, err := Load(filepath.Join(root, name))
	if err == nil {
		t.Fatalf("Load accepted a bad map:\n%s", content)
	}
	if m != nil {
		t.Errorf("Load returned a map with errors")
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Load error %T is not Errors: %v", err, err)
	}
	return errs
}

func TestValidationErrors(t *testing.T) {
	r := func(old, new string) string {
		if !strings.Contains(smallYAML, old) {
			panic("bad test: " + old)
		}
		return strings.Replace(smallYAML, old, new, 1)
	}
	allow := func(rule string) string { return smallYAML + "allow:\n  - " + rule + "\n" }
	tests := []struct {
		name, file, content string
		line                int
		key, msg, fix       string
	}{
		{"unknown key", "couplingvet.yaml", r("    owns: [services/billing]", "    own: [services/billing]"),
			8, "services.billing.own", `unknown key "own"`, "did you mean owns?"},
		{"unknown top-level key", "couplingvet.yaml", r("shared:", "shard:"),
			2, "shard", `unknown key "shard"`, "did you mean shared?"},
		{"hinted key", "couplingvet.yaml", r("    contracts: [api/orders]", "    contracts: [api/orders]\n    keys: [ORDERS_URL]"),
			7, "services.orders.keys", `unknown key "keys"`, "did you mean env?"},
		{"topics not a list", "couplingvet.yaml", r("    owns: [services/billing]", "    owns: [services/billing]\n    topics: billing.paid"),
			9, "services.billing.topics", "expected a list of strings", "[billing.paid]"},
		{"hinted topics key", "couplingvet.yaml", r("    owns: [services/billing]", "    owns: [services/billing]\n    subjects: [billing.paid]"),
			9, "services.billing.subjects", `unknown key "subjects"`, "did you mean topics?"},
		{"topic of two services", "couplingvet.yaml", r("    contracts: [api/orders]", "    contracts: [api/orders]\n    topics: [billing.paid]") + "    topics: [billing.paid]\n",
			10, "services.billing.topics[0]", "topic billing.paid is declared by orders (line 7) and billing", "declare it in one service only"},
		{"topic with spaces", "couplingvet.yaml", r("    owns: [services/billing]", "    owns: [services/billing]\n    topics: [\"billing paid\"]"),
			9, "services.billing.topics[0]", `invalid topic "billing paid"`, "without spaces"},
		{"wrong type", "couplingvet.yaml", r("version: 1", "version: one"),
			1, "version", "expected a whole number", ""},
		{"string instead of list", "couplingvet.yaml", r("owns: [services/billing]", "owns: services/billing"),
			8, "services.billing.owns", "expected a list of strings", "[services/billing]"},
		{"duplicate key", "couplingvet.yaml", smallYAML + "  billing:\n    owns: [pkg]\n",
			9, "services.billing", `duplicate key "billing" (first at line 7)`, "remove one"},
		{"missing version", "couplingvet.yaml", strings.TrimPrefix(smallYAML, "version: 1\n"),
			1, "version", "version is required", "version: 1"},
		{"bad version", "couplingvet.yaml", r("version: 1", "version: 2"),
			1, "version", "unsupported version 2", ""},
		{"missing deploy path", "couplingvet.yaml", r("shared: [pkg]", "shared: [pkg]\ndeploy: [go.mdo]"),
			3, "deploy[0]", "go.mdo does not exist", "did you mean go.mod?"},
		{"external without hosts", "couplingvet.yaml", smallYAML + "external:\n  - name: stripe\n",
			10, "external[0]", `external system "stripe" has no hosts`, "add hosts"},
		{"external named like a service", "couplingvet.yaml", smallYAML + "external:\n  - {name: billing, hosts: [api.stripe.com]}\n",
			10, "external[0].name", `external system "billing" has a service's name`, "rename it"},
		{"external host of a service", "couplingvet.yaml", r("    owns: [services/billing]", "    owns: [services/billing]\n    hosts: [billing]") + "external:\n  - {name: stripe, hosts: [billing]}\n",
			11, "external[0].hosts[0]", "host billing is declared by billing (line 9) and external stripe", "one service only"},
		{"deploy path outside the map", "couplingvet.yaml", r("shared: [pkg]", "shared: [pkg]\ndeploy: [../k8s]"),
			3, "deploy[0]", `"../k8s" is not inside the map's directory`, "relative to the map file"},
		{"empty services", "couplingvet.yaml", "version: 1\nshared: [pkg]\nservices: {}\n",
			3, "services", "no services declared", ""},
		{"bad service name", "couplingvet.yaml", r("  billing:", "  Billing:"),
			7, "services.Billing", `invalid service name "Billing"`, "lower-case"},
		{"directory owned by two services", "couplingvet.yaml", r("owns: [services/billing]", "owns: [services/billing, services/orders]"),
			8, "services.billing.owns[1]", "directory services/orders is owned by two services: orders (line 5) and billing", "most specific"},
		{"directory listed twice", "couplingvet.yaml", r("owns: [services/orders]", "owns: [services/orders, ./services/orders/]"),
			5, "services.orders.owns[1]", "already listed at line 5", ""},
		{"missing directory", "couplingvet.yaml", r("owns: [services/billing]", "owns: [services/biling]"),
			8, "services.billing.owns[0]", "directory services/biling does not exist", "did you mean services/billing?"},
		{"missing glob prefix", "couplingvet.yaml", r("shared: [pkg]", "shared: [lib/*/x]"),
			2, "shared[0]", "directory lib does not exist", "relative to couplingvet.yaml"},
		{"escaping directory", "couplingvet.yaml", r("shared: [pkg]", "shared: [../other]"),
			2, "shared[0]", "must stay inside", ""},
		{"contract owned by another service", "couplingvet.yaml", r("owns: [services/billing]", "owns: [services/billing]\n    contracts: [services/orders/legacy]"),
			9, "services.billing.contracts[0]", "contract directory services/orders/legacy of service billing lies inside services/orders, which service orders owns", "declare it as a contract of orders"},
		{"shared dir also owned", "couplingvet.yaml", r("shared: [pkg]", "shared: [pkg, services/billing]"),
			8, "services.billing.owns[0]", "shared directory services/billing is also owned by service billing (line 2)", "remove it from shared"},
		{"shared dir inside a service", "couplingvet.yaml", r("shared: [pkg]", "shared: [pkg, services/orders/legacy]"),
			2, "shared[1]", "shared directory services/orders/legacy lies inside services/orders, which service orders owns", "contract of orders"},
		{"allow unknown service", "couplingvet.yaml", allow("{from: biling, to: orders, check: syncclient, reason: x}"),
			10, "allow[0].from", `unknown service "biling"`, "did you mean billing?"},
		{"allow unknown target", "couplingvet.yaml", allow("{from: billing, to: order, check: syncclient, reason: x}"),
			10, "allow[0].to", `unknown service or database "order"`, "did you mean orders?"},
		{"allow unknown check", "couplingvet.yaml", allow("{from: billing, to: orders, check: syncclinet, reason: x}"),
			10, "allow[0].check", `unknown check "syncclinet"`, "did you mean syncclient?"},
		{"allow without reason", "couplingvet.yaml", allow("{from: billing, to: orders, check: syncclient}"),
			10, "allow[0]", "allow rule without a reason", "add reason"},
		{"allow with blank reason", "couplingvet.yaml", allow(`{from: billing, to: orders, check: syncclient, reason: "  "}`),
			10, "allow[0]", "allow rule without a reason", ""},
		{"expired allow rule", "couplingvet.yaml", allow("{from: billing, to: orders, check: syncclient, reason: x, expires: 2026-01-14}"),
			10, "allow[0].expires", "allow rule expired on 2026-01-14", "extend"},
		{"bad expiry", "couplingvet.yaml", allow("{from: billing, to: orders, check: syncclient, reason: x, expires: soon}"),
			10, "allow[0].expires", "expected a date", "2027-06-30"},
		{"shared_with without allow rule", "couplingvet.yaml", r("    contracts: [api/orders]", "    contracts: [api/orders]\n    databases:\n      - {name: orders-db, dsn: [\"postgres://orders-db/orders\"], shared_with: [billing]}"),
			8, "services.orders.databases[0].shared_with[0]", "database orders-db is shared with billing without an allow rule", "check: shareddb"},
		{"shared_with unknown service", "couplingvet.yaml", r("    contracts: [api/orders]", "    contracts: [api/orders]\n    databases:\n      - name: orders-db\n        env: [ORDERS_DB]\n        shared_with: [biling]"),
			10, "services.orders.databases[0].shared_with[0]", `unknown service "biling"`, "did you mean billing?"},
		{"host of two services", "couplingvet.yaml", r("    contracts: [api/orders]", "    contracts: [api/orders]\n    hosts: [Orders]") + "    hosts: [orders]\n",
			10, "services.billing.hosts[0]", "host orders is declared by orders (line 7) and billing", ""},
		{"unknown severity", "couplingvet.yaml", smallYAML + "checks: {unowned: warning}\n",
			9, "checks.unowned", `unknown severity "warning"`, "did you mean warn?"},
		{"unknown check in checks", "couplingvet.yaml", smallYAML + "checks: {crossimports: warn}\n",
			9, "checks.crossimports", `unknown key "crossimports"`, "did you mean crossimport?"},
		{"bad sink", "couplingvet.yaml", smallYAML + "sinks:\n  - {package: example.com/db, function: Open, arg: 0, kind: dns}\n",
			10, "sinks[0].kind", `unknown sink kind "dns"`, "did you mean dsn?"},
		{"yaml syntax error", "couplingvet.yaml", "version: 1\nservices:\n  orders: [\n",
			3, "", "YAML syntax error", ""},
		{"toml unknown key", "couplingvet.toml", "version = 1\n[services.orders]\nowns = [\"services/orders\"]\ncontract = [\"api/orders\"]\n",
			4, "services.orders.contract", `unknown key "contract"`, "did you mean contracts?"},
		{"toml missing directory", "couplingvet.toml", "version = 1\n[services.orders]\nowns = [\"pkg\", \"services/ordres\"]\n",
			3, "services.orders.owns[1]", "directory services/ordres does not exist", "did you mean services/orders?"},
		{"toml expired allow rule", "couplingvet.toml", "version = 1\n[services.orders]\nowns = [\"services/orders\"]\n[services.billing]\nowns = [\"services/billing\"]\n\n[[allow]]\nfrom = \"billing\"\nto = \"orders\"\ncheck = \"crossimport\"\nreason = \"x\"\nexpires = 2025-12-31\n",
			12, "allow[0].expires", "allow rule expired on 2025-12-31", ""},
		{"toml two services own a directory", "couplingvet.toml", "version = 1\n[services.orders]\nowns = [\"services/orders\"]\n[services.billing]\nowns = [\n  \"services/billing\",\n  \"services/orders\",\n]\n",
			7, "services.billing.owns[1]", "owned by two services", ""},
		{"toml wrong type", "couplingvet.toml", "version = \"1\"\n[services.orders]\nowns = [\"services/orders\"]\n",
			1, "version", "expected a whole number", ""},
		{"toml duplicate key", "couplingvet.toml", "version = 1\n[services.orders]\nowns = [\"services/orders\"]\nowns = [\"pkg\"]\n",
			4, "services.orders.owns", "TOML syntax error: Key 'services.orders.owns' has already been defined", ""},
		{"toml syntax error", "couplingvet.toml", "version = 1\n[services.orders\n",
			3, "", "TOML syntax error", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := loadErrors(t, tt.file, tt.content)
			var found *Error
			for _, e := range errs {
				if e.Key == tt.key && strings.Contains(e.Msg, tt.msg) {
					found = e
				}
			}
			if found == nil {
				t.Fatalf("no error with key %q and message %q; got:\n%v", tt.key, tt.msg, errs)
			}
			if found.Line != tt.line {
				t.Errorf("line %d, want %d: %v", found.Line, tt.line, found)
			}
			if !strings.Contains(found.Fix, tt.fix) {
				t.Errorf("fix %q does not contain %q", found.Fix, tt.fix)
			}
			text := found.Error()
			prefix := fmt.Sprintf("%s:%d:", tt.file, tt.line)
			if !strings.Contains(text, prefix) || (tt.key != "" && !strings.Contains(text, tt.key+": ")) {
				t.Errorf("%q does not name %s and key %q", text, prefix, tt.key)
			}
		})
	}
}

func TestValidationCollectsAllErrorsSorted(t *testing.T) {
	content := strings.Replace(smallYAML, "version: 1", "version: 3", 1) + "allow:\n  - {from: nobody, to: orders, check: syncclient}\n"
	errs := loadErrors(t, "couplingvet.yaml", content)
	if len(errs) != 3 {
		t.Fatalf("got %d errors, want 3 (version, from, reason):\n%v", len(errs), errs)
	}
	for i := 1; i < len(errs); i++ {
		if errs[i-1].Line > errs[i].Line {
			t.Errorf("errors not sorted by line:\n%v", errs)
		}
	}
}

func TestValidationAccepts(t *testing.T) {
	fixClock(t, "2026-01-15")
	good := map[string]string{
		"nested directory of another service": strings.Replace(smallYAML, "owns: [services/billing]", "owns: [services/billing, services/orders/legacy]", 1),
		"contract inside own service":         strings.Replace(smallYAML, "contracts: [api/orders]", "contracts: [api/orders, services/orders/legacy]", 1),
		"rule expiring today":                 smallYAML + "allow:\n  - {from: billing, to: orders, check: '*', reason: x, expires: 2026-01-15}\n",
		"wildcards":                           smallYAML + "allow:\n  - {from: '*', to: '*', check: '*', reason: everything goes}\n",
		"service inside shared":               strings.Replace(smallYAML, "shared: [pkg]", "shared: [services]", 1),
		"shared_with with a rule":             strings.Replace(smallYAML, "    contracts: [api/orders]", "    contracts: [api/orders]\n    databases:\n      - {name: orders-db, env: [DB], shared_with: [billing]}", 1) + "allow:\n  - {from: billing, to: orders-db, check: shareddb, reason: migration}\n",
		"glob and ... entries":                strings.Replace(smallYAML, "shared: [pkg]", "shared: [pkg/..., 'api/*/v1']", 1),
		"empty optional lists":                smallYAML + "allow:\nsinks: []\nwiring:\ndeploy: []\n",
		"external systems":                    smallYAML + "external:\n  - {name: stripe, hosts: [api.stripe.com]}\n  - {name: etcd, hosts: [\"etcd:2379\"]}\n",
		"deploy file and directory":           strings.Replace(smallYAML, "shared: [pkg]", "shared: [pkg]\ndeploy: [go.mod, services/orders/]", 1),
	}
	for name, content := range good {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{"couplingvet.yaml": content}
			for k, v := range smallDirs {
				files[k] = v
			}
			if _, err := Load(filepath.Join(repo(t, files), "couplingvet.yaml")); err != nil {
				t.Errorf("Load rejected a good map: %v", err)
			}
		})
	}
}
