package orders

import (
	"flag"
	"net/http"
	"os"
)

func Notify() {
	http.Get(os.Getenv("CHECKOUT_URL") + "/v1/notify") // want `orders calls checkout synchronously`
}

// Status appends a path its caller chooses to a base URL from the
// environment: the compose value of the key is the whole authority.
func Status(path string) {
	http.Get(os.Getenv("CHECKOUT_URL") + path) // want `orders calls checkout synchronously \(http GET \$CHECKOUT_URL\{path\}, address from docker-compose.yml:19\)`
}

// Flags whose defaults are local addresses; the compose command line sets
// them to the services (both the -name=value and the -name value form).
var (
	billingURL   = flag.String("billing-url", "http://localhost:8080", "billing's base URL")
	shippingAddr = flag.String("shipping-addr", "localhost:7000", "shipping's address")
)

func Invoice() {
	http.Get(*billingURL + "/v1/invoices")                // want `orders calls billing synchronously \(http GET \{flag -billing-url\}/v1/invoices, address from docker-compose.yml:17\)`
	http.Get("http://" + *shippingAddr + "/v1/shipments") // want `orders calls shipping synchronously \(http GET http://\{flag -shipping-addr\}/v1/shipments, address from docker-compose.yml:17\)`
}
