package syncclient

import (
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
)

// Dapr service invocation: a service calls another through its own
// sidecar, naming the callee by its app-id, either with the go-sdk
// (client.InvokeMethod(ctx, "products", "get/1", "get"), sinks in table.go)
// or with the sidecar's HTTP API
// (http://localhost:3500/v1.0/invoke/products/method/get/1). The map lists
// each service's app-id (daprd --app-id, the dapr.io/app-id annotation)
// among its hosts.

// daprInvokePath is the sidecar's service invocation endpoint.
const daprInvokePath = "/v1.0/invoke/"

// daprInvokeApp reports whether v is a URL of the sidecar's invocation
// API, and returns the app-id its path names ("" when unknown).
func daprInvokeApp(v value.Value) (string, bool) {
	const hole = "\x00"
	p := v.Pattern(hole)
	i := strings.Index(p, daprInvokePath)
	if i < 0 {
		return "", false
	}
	app, rest, _ := strings.Cut(p[i+len(daprInvokePath):], "/")
	if !strings.HasPrefix(rest, "method") || strings.Contains(app, hole) {
		return "", true
	}
	return app, true
}

// serviceOfAppID returns the service whose app-id is app: the host the map
// lists, else, for app-id.namespace (an app in another namespace), the
// app-id alone.
func serviceOfAppID(m *boundaries.Map, app string) string {
	if app == "" {
		return ""
	}
	if svc := m.ServiceOfHost(app); svc != "" {
		return svc
	}
	if id, _, ok := strings.Cut(app, "."); ok {
		return m.ServiceOfHost(id)
	}
	return ""
}

// serviceOfAppIDValue attributes the app-id argument of a go-sdk call.
func serviceOfAppIDValue(m *boundaries.Map, v value.Value) string {
	if app, ok := v.Text(); ok {
		return serviceOfAppID(m, app)
	}
	return ""
}
