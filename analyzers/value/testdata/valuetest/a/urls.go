package a

import (
	"fmt"
	"net"
	"net/url"
	"os"
)

const (
	scheme      = "http"
	ordersFmt   = "http://%s:%d/v1/orders"
	composedFmt = scheme + "://%s" + "/v1/orders/%s"
)

var ordersBase, _ = url.Parse("http://orders:8080/api")

func urlValues(id string, base *url.URL) {
	show(fmt.Sprintf(ordersFmt, "orders", 8080))                       // want `^http://orders:8080/v1/orders origin=literal$`
	show(fmt.Sprintf(composedFmt, net.JoinHostPort(host, "8080"), id)) // want `^http://orders-db:8080/v1/orders/\{param0:id\} origin=parameter id$`

	// A copy of a URL with its own path, host or scheme.
	c := *ordersBase
	c.Path = "/v1/orders"
	show(c.String()) // want `^http://orders:8080/v1/orders origin=literal$`
	h := *ordersBase
	h.Host = "payments:8080"
	show(h.String()) // want `^http://payments:8080/api origin=literal$`
	sch := *ordersBase
	sch.Scheme = "https"
	show(sch.String())        // want `^https://orders:8080/api origin=literal$`
	show(ordersBase.String()) // want `^http://orders:8080/api origin=literal$`

	// Parsed, then changed through the pointer.
	u, err := url.Parse(os.Getenv("STOCK_URL"))
	if err != nil {
		return
	}
	u.Path = "v1/stock"
	u.RawQuery = "id=" + id // the query is not followed
	show(u.String())        // want `^\{env:STOCK_URL\}/v1/stock origin=env STOCK_URL$`

	p, _ := url.Parse("http://search:8080/")
	show(p.JoinPath("v1", id).String())                     // want `^http://search:8080/v1/\{param0:id\} origin=parameter id$`
	show(p.ResolveReference(&url.URL{Path: "/q"}).String()) // want `^http://search:8080/q origin=literal$`
	ref, _ := url.Parse("/v2/q")
	show(p.ResolveReference(ref).String())                 // want `^http://search:8080/v2/q origin=literal$`
	show(p.ResolveReference(&url.URL{Path: "q"}).String()) // want `^\{unknown:URL resolved against a relative reference\}`
	joined, _ := url.JoinPath("http://cart:7070/", "/v1", "carts")
	show(joined) // want `^http://cart:7070/v1/carts origin=literal$`
	elems := []string{"a"}
	show(p.JoinPath(elems...).String()) // want `^http://search:8080/\{unknown:path elements\}`

	b := *base
	b.Path = "/v1"
	show(b.String()) // want `^\{param1:base\}/v1 origin=parameter base$`

	// Writes that disagree: the host is still known.
	d, _ := url.Parse("http://orders:8080")
	d.Path = "/a"
	if id != "" {
		d.Path = "/b"
	}
	show(d.String()) // want `^http://orders:8080\{unknown:field Path of d assigned several values\} origin=literal$`
}
