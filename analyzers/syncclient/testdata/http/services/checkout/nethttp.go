// Package checkout calls other services over HTTP in every way net/http offers.
package checkout

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const ordersURL = "http://orders:8080"

var stockURL = flag.String("stock-url", "http://stock:8080", "stock's base URL")

func functions(id int) {
	http.Get("http://orders:8080/v1/orders")                            // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders\): temporal coupling`
	http.Head(ordersURL + "/v1/orders/1")                               // want `\(http HEAD http://orders:8080/v1/orders/1\)`
	http.Post(ordersURL+"/v1/orders", "application/json", nil)          // want `\(http POST http://orders:8080/v1/orders\)`
	http.PostForm("http://orders.shop.svc.cluster.local/v1/forms", nil) // want `checkout calls orders synchronously \(http POST http://orders.shop.svc.cluster.local/v1/forms\)`
	http.Get(fmt.Sprintf("http://orders:8080/v1/orders/%d", id))        // want `\(http GET http://orders:8080/v1/orders/\{id\}\)`
	http.Get(os.Getenv("ORDERS_URL") + "/v1/orders")                    // want `\(http GET \$ORDERS_URL/v1/orders\)`
	addr := os.Getenv("ORDERS_URL")
	http.Get("http://" + addr + "/v1/orders")                             // want `checkout calls orders synchronously \(http GET http://\$ORDERS_URL/v1/orders\)`
	http.Get(fmt.Sprintf("https://%s/v1/orders/%d", addr, id))            // want `\(http GET https://\$ORDERS_URL/v1/orders/\{id\}\)`
	http.Get("http://" + os.Getenv("UNMAPPED_ADDR") + "/v1/orders")       // an env key no service claims: silent
	http.Get("http://localhost/" + os.Getenv("ORDERS_URL"))               // the key is not the authority: silent
	http.Get(*stockURL + "/v1/stock")                                     // want `checkout calls stock synchronously \(http GET http://stock:8080/v1/stock\)`
	http.Get("http://admin:s3cret@orders:8080/v1/orders?token=t0ps3cret") // want `\(http GET http://orders:8080/v1/orders\)`
}

func clientMethods(ctx context.Context) error {
	c := &http.Client{}
	c.Get("http://orders:8080/v1/orders")                                      // want `\(http GET http://orders:8080/v1/orders\)`
	http.DefaultClient.Post("http://orders:8080/v1/orders", "text/plain", nil) // want `\(http POST http://orders:8080/v1/orders\)`

	req, err := http.NewRequestWithContext(ctx, http.MethodPut, ordersURL+"/v1/orders/1", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `\(http PUT http://orders:8080/v1/orders/1\)`
	return err
}

// newDelete builds a request another function sends: reported where it is built.
func newDelete() *http.Request {
	req, _ := http.NewRequest("DELETE", "http://orders:8080/v1/orders/1", nil) // want `\(http DELETE http://orders:8080/v1/orders/1\)`
	return req
}

// Clean cases.
func clean(base string, u *url.URL) { // want clean:`^url\(http GET\) \{param0:base\}/v1/orders via http.Get; url\(http GET\) \{param1:u\} via http.Get$`
	http.Get("http://checkout/healthz")         // a call to self
	http.Get("https://api.github.com/repos")    // a third-party API
	http.Get(base + "/v1/orders")               // built from an unknown variable
	http.Get("http://payments:8080/v1/charges") // allowed edge (map)
	http.Get("http://orders:8080/v1/quotes/42") // allowed path (map rule narrowed by target)
	http.Get(u.String())                        // unknown
	//couplingvet:allow syncclient the legacy price feed goes away with checkout v2
	http.Get("http://orders:8080/v1/prices")
}

type handler struct{}

// order is reported where the URL is built: the parameter only adds to the path.
func (h *handler) order(id string) {
	http.Get(ordersURL + "/v1/orders/" + id) // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders/\{id\}\)`
}

// serve calls order: the same call, not reported twice.
func (h *handler) serve() { h.order("1") }
