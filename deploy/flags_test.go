package deploy

import "testing"

// Flags on a container's command line: Kubernetes command and args, with
// $(VAR) from the container's environment, and compose's command as a list
// or a string; -name=value, --name=value and -name value, a boolean flag
// before another flag, and nothing after "--".
func TestCommandFlags(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"k8s/orders.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: orders
          image: shop/orders
          command: ["/orders", "--payments-addr=payments:9090"]
          args:
            - -verbose
            - -catalog-url
            - http://$(CATALOG_HOST):8080
            - --
            - -ignored=yes
          env:
            - name: CATALOG_HOST
              value: catalog
`,
		"docker-compose.yml": `services:
  billing:
    image: shop/billing
    command: /billing -orders-url http://orders:8080 --debug
`,
	}
	for name, content := range files {
		write(t, dir, name, content)
	}
	tree := Load(dir, Options{})
	orders := workload(t, tree, "k8s/orders.yaml", "orders", "orders")
	want := map[string]Setting{
		"payments-addr": {Value: "payments:9090", File: "k8s/orders.yaml", Line: 11},
		"catalog-url":   {Value: "http://catalog:8080", File: "k8s/orders.yaml", Line: 15},
	}
	if len(orders.Flags) != len(want) {
		t.Errorf("orders flags %v, want %v", orders.Flags, want)
	}
	for name, w := range want {
		if got := orders.Flags[name]; got != w {
			t.Errorf("orders flag %s = %+v, want %+v", name, got, w)
		}
	}
	billing := workload(t, tree, "docker-compose.yml", "billing", "")
	if got := billing.Flags["orders-url"]; got.Value != "http://orders:8080" || got.Unknown != "" || len(billing.Flags) != 1 {
		t.Errorf("billing flags %v, want orders-url=http://orders:8080 only", billing.Flags)
	}
}
