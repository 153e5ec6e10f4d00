package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// boundaryMap is the tree's couplingvet.yaml: each service owns
// services/<svc> and publishes api/<svc>; its hosts, gRPC service name, env
// keys and database are those the generated code uses.
func boundaryMap(t *tree) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Boundary map of a synthetic monorepo written by bench/gen (size %s, seed %d).\n", t.size, t.seed)
	b.WriteString("version: 1\n\nshared: [pkg]\n\nservices:\n")
	for _, svc := range t.services {
		env := strings.ToUpper(svc)
		fmt.Fprintf(&b, "  %s:\n", svc)
		fmt.Fprintf(&b, "    owns: [services/%s]\n", svc)
		fmt.Fprintf(&b, "    contracts: [api/%s]\n", svc)
		fmt.Fprintf(&b, "    hosts: [%s, \"%s:8080\", \"%s:9090\", %s.mono.svc.cluster.local]\n", svc, svc, svc, svc)
		fmt.Fprintf(&b, "    grpc: [mono.%s.v1.%sService]\n", svc, exported(svc))
		fmt.Fprintf(&b, "    env: [%s_URL, %s_ADDR]\n", env, env)
		b.WriteString("    databases:\n")
		fmt.Fprintf(&b, "      - name: %s-db\n", svc)
		b.WriteString("        engine: postgres\n")
		fmt.Fprintf(&b, "        dsn: [\"postgres://*@%s-db:5432/%s*\"]\n", svc, svc)
		fmt.Fprintf(&b, "        env: [%s_DATABASE_URL]\n", env)
	}
	b.WriteString("\nchecks:\n  crossimport: error\n  shareddb: error\n  syncclient: error\n  unowned: warn\n")
	return b.String()
}

// depguardConfig is a golangci-lint v2 configuration with only depguard,
// denying what couplingvet's crossimport check reports directly: a
// service's files importing another service's packages (contracts live
// under api/, so they stay allowed), and shared or contract code importing
// any service's packages. depguard matches file globs against absolute
// paths, so the globs are anchored at the tree's root.
func depguardConfig(t *tree, root string) string {
	root = filepath.ToSlash(root)
	var b strings.Builder
	fmt.Fprintf(&b, "# golangci-lint v2 with only depguard, denying the imports couplingvet's\n")
	fmt.Fprintf(&b, "# crossimport check reports (written by bench/gen, size %s, seed %d).\n", t.size, t.seed)
	b.WriteString("version: \"2\"\n\nrun:\n  tests: true\n\n")
	b.WriteString("linters:\n  default: none\n  enable: [depguard]\n  settings:\n    depguard:\n      rules:\n")
	for s, svc := range t.services {
		fmt.Fprintf(&b, "        %s:\n", svc)
		b.WriteString("          list-mode: lax\n")
		fmt.Fprintf(&b, "          files: [\"%s/services/%s/**\"]\n", root, svc)
		b.WriteString("          deny:\n")
		for o, other := range t.services {
			if o == s {
				continue
			}
			fmt.Fprintf(&b, "            - pkg: %s/services/%s/\n", modulePath, other)
			fmt.Fprintf(&b, "              desc: \"%s's private code: import its contract api/%s instead\"\n", other, other)
		}
	}
	b.WriteString("        shared:\n")
	b.WriteString("          list-mode: lax\n")
	fmt.Fprintf(&b, "          files: [\"%s/pkg/**\", \"%s/api/**\"]\n", root, root)
	b.WriteString("          deny:\n")
	fmt.Fprintf(&b, "            - pkg: %s/services/\n", modulePath)
	b.WriteString("              desc: \"shared and contract code must not import any service's private code\"\n")
	b.WriteString("\nissues:\n  max-issues-per-linter: 0\n  max-same-issues: 0\n")
	return b.String()
}
