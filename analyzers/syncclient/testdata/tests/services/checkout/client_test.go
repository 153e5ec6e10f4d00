package checkout

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCalls points every call at a test server: the calls the test makes
// itself after that are not reported.
func TestCalls(t *testing.T) {
	srv := httptest.NewServer(nil)
	defer srv.Close()
	ordersURL = srv.URL
	cfg.StockURL = srv.URL
	paymentsBase = srv.URL
	setURL(&shippingURL, srv.URL)
	ordersReq, _ = http.NewRequest("GET", srv.URL, nil)
	calls()
	send()

	http.Get(ordersURL + "/v1/orders")
	http.Get(cfg.StockURL + "/v1/stock")
	http.Post(paymentsURL()+"/v1/charges", "application/json", nil)
	http.Get(shippingURL + "/v1/quotes")
	http.DefaultClient.Do(ordersReq)
	http.DefaultClient.Do(stockReq) // sends production's request, reported where production sends it
	c := &ordersClient{base: srv.URL}
	c.list()
	c.ping()
}

func setURL(p *string, url string) { *p = url }

// ping is a method only the tests have: production's ordersClient does not call it.
func (c *ordersClient) ping() { http.Head(c.base + "/healthz") }
