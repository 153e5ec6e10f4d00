// Package checkout makes calls the map knows and calls it does not.
package checkout

import (
	"net/http"
	"os"
)

func calls(u string) { // want calls:`^url\(http GET\) \{param0:u\} via http.Get$`
	http.Get("http://orders/v1/orders")                              // want `^checkout calls orders synchronously \(http GET http://orders/v1/orders\)`
	http.Get("https://token:secret@api.stripe.com/v1/charges?key=k") // want `^checkout makes a synchronous call \(http GET https://api.stripe.com/v1/charges\) that no service of the map claims: .*\(listed because of -strict\)$`
	http.Get(os.Getenv("SEARCH_URL") + "/q")                         // want `^checkout makes a synchronous call \(http GET \$SEARCH_URL/q\) that no service`
	http.Get("http://checkout/healthz")                              // a call to self: never listed
	http.Get(u)                                                      // the callers of calls say where u goes
}
