package rest

import (
	"net/url"

	"example.com/shop/pkg/httpclient"
)

// Endpoint is a service's base URL, by parts.
type Endpoint struct {
	Scheme string
	Host   string
}

// Get fetches path from the endpoint.
func Get(ep Endpoint, path string) error { // want Get:`^url\(http GET\) \{paramfield0:ep.Scheme\}://\{paramfield0:ep.Host\}\{param1:path\|path\} via example.com/shop/pkg/httpclient.Get -> http.Client.Get$`
	u := url.URL{Scheme: ep.Scheme, Host: ep.Host, Path: path}
	resp, err := httpclient.Get(u.String())
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
