package shipping

import (
	"net/http"
	"os"

	"example.com/runtime/services/shipping/internal/settings"
)

// Its container sets no ORDERS_URL: the value checkout's containers give
// it is not shipping's. The Kubernetes manifest that would set it does not
// parse, and -strict names it.
func Track() {
	http.Get(os.Getenv("ORDERS_URL") + "/v1/orders") // want `env ORDERS_URL: no value in the map, the config files or the deploy files of shipping; deploy/k8s/shipping.yaml:11 cannot be read: cannot parse Kubernetes manifest: yaml: line 11: found character that cannot start any token`
}

// Notify's address comes from conf/<env>/app.json, which only
// cmd/shipping's loader call says is shipping's: both environments name
// orders.
func Notify(s settings.Settings) {
	http.Post(s.Orders.URL+"/v1/notify", "application/json", nil) // want `shipping calls orders synchronously \(http POST \{settings.Settings.Orders.URL\}/v1/notify, address from conf/dev/app.json:3, conf/prod/app.json:3\)`
}
