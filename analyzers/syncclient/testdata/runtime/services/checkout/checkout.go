package checkout

import (
	"net/http"
	"os"

	"example.com/runtime/services/checkout/internal/config"
)

func fromDeployFiles() {
	// docker-compose says http://orders:8080, Kubernetes orders.shop.svc...: both are orders.
	http.Get(os.Getenv("ORDERS_URL") + "/v1/orders") // want `checkout calls orders synchronously \(http GET \$ORDERS_URL/v1/orders, address from deploy/k8s/checkout.yaml:13, docker-compose.yml:5\)`
	// payments lists no hosts: compose's service name is its host.
	http.Get(os.Getenv("PAYMENTS_URL") + "/v1/pay") // want `checkout calls payments synchronously`
	// ${SHIPPING_PORT} from .env.
	http.Post(os.Getenv("SHIPPING_URL")+"/v1/ship", "application/json", nil) // want `checkout calls shipping synchronously`
	// A third-party API the map declares as external: not listed.
	http.Get(os.Getenv("REPORTS_URL"))
	// One it does not: listed under -strict.
	http.Get("https://api.example.org/v1/rates") // want `checkout makes a synchronous call \(http GET https://api.example.org/v1/rates\) that no service of the map claims: `
	// docker-compose says billing, Kubernetes shipping: no guess.
	http.Get(os.Getenv("BILLING_URL")) // want `no service of the map claims \(http://shipping:7000 \(deploy/k8s/checkout.yaml:15\) and http://billing:8080 \(docker-compose.yml:9\) name different services \(shipping, billing\)\)`
	// Set nowhere.
	http.Get(os.Getenv("CATALOG_URL")) // want `\(env CATALOG_URL: no value in the map, the config files or the deploy files of checkout; deploy/k8s/shipping.yaml:11 cannot be read: cannot parse Kubernetes manifest: `
}

func fromConfigFile(c config.Config) {
	// Per-environment files that agree on the service: attributed.
	http.Get(c.Orders.Endpoint + "/v1/orders") // want `checkout calls orders synchronously \(http GET \{config.Config.Orders.Endpoint\}/v1/orders, address from services/checkout/etc/checkout-prod.yaml:4, services/checkout/etc/checkout.yaml:3\)`
	http.Get(c.Shipping.Endpoint + "/v1/ship") // want `checkout calls shipping synchronously`
	// Files that disagree: no guess, -strict lists both.
	http.Get(c.Billing.Endpoint + "/v1/invoice") // want `no service of the map claims \(http://shipping:7000/v1/invoice \(services/checkout/etc/checkout-prod.yaml:6\) and http://billing:8080/v1/invoice \(services/checkout/etc/checkout.yaml:7\) name different services \(shipping, billing\)\)`
	// In no file that parses: -strict names the one that does not.
	http.Get(c.Catalog.Endpoint + "/v1/items") // want `\(config field config.Config.Catalog.Endpoint: not in the config files of checkout; services/checkout/etc/broken.yaml:1 cannot be read: cannot parse config file: yaml: `
}
