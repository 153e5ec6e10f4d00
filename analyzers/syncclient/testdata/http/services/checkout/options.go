package checkout

import "net/http"

// stockOptions is an options struct of checkout's own, filled field by
// field rather than in a literal: the method's call is reported at the
// first field write, where the address is chosen.
type stockOptions struct {
	URL     string
	Retries int
}

func (o stockOptions) reserve(sku string) {
	http.Post(o.URL+"/v1/reservations/"+sku, "application/json", nil)
}

func reserveAll() {
	var o stockOptions
	o.Retries = 3
	o.URL = "http://stock:8080" // want `^checkout calls stock synchronously \(http POST http://stock:8080/v1/reservations/… via services/checkout.stockOptions.reserve\)`
	o.reserve("sku-1")
}
