package deploy

import (
	"slices"
	"testing"
)

// Dapr service invocation reaches a workload by its app-id: the
// dapr.io/app-id annotation of a pod template, or the --app-id of the
// daprd sidecar that shares a compose service's network. A daprd that
// shares no service's network, or another program's --app-id flag, gives
// no host.
func TestDaprAppIDs(t *testing.T) {
	dir := t.TempDir()
	for rel, content := range map[string]string{
		"k8s/orders.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-v2
spec:
  template:
    metadata:
      annotations:
        dapr.io/enabled: "true"
        dapr.io/app-id: "orders"
    spec:
      containers:
        - name: orders
          image: shop/orders
`,
		"compose.yaml": `services:
  cart:
    build: ./cart
    ports: ["9001:9001"]
  cart-dapr:
    image: "daprio/daprd:1.15.4"
    command: ["./daprd", "--app-id", "basket", "--app-port", "9001"]
    network_mode: "service:cart"
  lonely-dapr:
    image: "daprio/daprd:1.15.4"
    command: ["./daprd", "--app-id", "lonely"]
  tool:
    image: shop/tool
    command: ["./tool", "--app-id", "tool-app"]
    network_mode: "service:cart"
`,
	} {
		write(t, dir, rel, content)
	}
	tree := Load(dir, Options{})
	for _, c := range []struct {
		file, name, container string
		hosts                 []string
	}{
		{"k8s/orders.yaml", "orders-v2", "orders", []string{"orders"}},
		{"compose.yaml", "cart", "", []string{"basket", "cart", "cart:9001"}},
		{"compose.yaml", "lonely-dapr", "", []string{"lonely-dapr"}},
	} {
		if w := workload(t, tree, c.file, c.name, c.container); !slices.Equal(w.Hosts, c.hosts) {
			t.Errorf("%s: hosts %q, want %q", c.name, w.Hosts, c.hosts)
		}
	}
}
