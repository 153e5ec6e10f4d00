package orders

import (
	"net/http"
	"os"
)

func Notify() {
	http.Get(os.Getenv("CHECKOUT_URL") + "/v1/notify") // want `orders calls checkout synchronously`
}

// Status appends a path its caller chooses to a base URL from the
// environment: the compose value of the key is the whole authority.
func Status(path string) {
	http.Get(os.Getenv("CHECKOUT_URL") + path) // want `orders calls checkout synchronously \(http GET \$CHECKOUT_URL\{path\}, address from docker-compose.yml:18\)`
}
