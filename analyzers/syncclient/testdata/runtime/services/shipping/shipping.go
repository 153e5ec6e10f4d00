package shipping

import (
	"net/http"
	"os"
)

// Its container sets no ORDERS_URL: the value checkout's containers give
// it is not shipping's.
func Track() {
	http.Get(os.Getenv("ORDERS_URL") + "/v1/orders") // want `env ORDERS_URL: no value in the map, the config files or the deploy files of shipping`
}
