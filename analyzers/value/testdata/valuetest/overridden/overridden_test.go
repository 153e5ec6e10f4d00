package overridden

import (
	"net/http/httptest"
	"testing"
)

// TestProduction points production code at a test server: what the test
// code reads after that is unknown (the production files never see it).
func TestProduction(t *testing.T) {
	srv := httptest.NewServer(nil)
	defer srv.Close()
	ordersURL = srv.URL
	cfg.StockURL = srv.URL
	cfg.Redis.Addr = srv.Listener.Addr().String()
	setPeer(&peer, srv.Listener.Addr().String())
	cache.reset()
	peerURL = srv.URL
	production()

	show(ordersURL + "/v1/orders") // want `^\{unknown:variable ordersURL assigned several values\}/v1/orders`
	show(cfg.StockURL)             // want `^\{unknown:field StockURL of cfg assigned several values\}`
	show(cfg.Redis.Addr)           // want `^\{unknown:field Redis.Addr of cfg assigned several values\}`
	show(peer)                     // want `^\{unknown:variable peer assigned several values\}`
	show(cache.StockURL)           // want `^\{unknown:fields of cache set by method reset\}`
	show(paymentsURL())            // want `^\{unknown:call to example.com/valuetest/overridden.paymentsURL\}`
}

func setPeer(p *string, addr string) { *p = addr }
