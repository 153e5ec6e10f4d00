package billing

import (
	"net/http"
	"os"

	"example.com/runtime/services/billing/internal/conf"
)

// billing's container is found by its image name; it sets no ORDERS_URL.
func Invoice() {
	http.Get(os.Getenv("ORDERS_URL")) // want `env ORDERS_URL: no value in the map, the config files or the deploy files of billing`
}

// configs/billing.yaml is billing's, though outside its directory;
// configs/payments.yaml is not.
func Ledger(c conf.Conf) {
	http.Get(c.Ledger.URL) // want `billing calls orders synchronously \(http GET \{conf.Conf.Ledger.URL\}, address from configs/billing.yaml:3\)`
}
