// Package rest decodes JSON responses; it reaches the network through
// httpclient, one more wrapper in the chain.
package rest

import (
	"encoding/json"

	"example.com/shop/pkg/httpclient"
)

// FetchJSON gets url and decodes the body into out.
func FetchJSON(url string, out any) error { // want FetchJSON:`^url\(http GET\) \{param0:url\} via example.com/shop/pkg/httpclient.Get -> http.Client.Get$`
	resp, err := httpclient.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// FetchOrder builds the URL from a base the caller gives.
func FetchOrder(base, id string, out any) error { // want FetchOrder:`^url\(http GET\) \{param0:base\}/v1/orders/\{param1:id\} via example.com/shop/pkg/rest.FetchJSON -> example.com/shop/pkg/httpclient.Get -> http.Client.Get$`
	return FetchJSON(base+"/v1/orders/"+id, out)
}
