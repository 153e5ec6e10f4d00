package orders

import (
	"net/http"
	"os"
)

func Notify() {
	http.Get(os.Getenv("CHECKOUT_URL") + "/v1/notify") // want `orders calls checkout synchronously`
}
