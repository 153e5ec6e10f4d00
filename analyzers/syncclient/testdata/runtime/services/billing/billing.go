package billing

import (
	"net/http"
	"os"
)

// billing's container is found by its image name; it sets no ORDERS_URL.
func Invoice() {
	http.Get(os.Getenv("ORDERS_URL")) // want `env ORDERS_URL: no value in the map, the config files or the deploy files of billing`
}
