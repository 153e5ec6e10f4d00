package client

import (
	"context"
	"fmt"
	"net/http"
)

// REST is orders' HTTP client: the base URL it is built with is kept in a
// field, and every method builds its endpoint from it for one helper that
// sends the request.
type REST struct {
	url  string
	http *http.Client
}

// NewREST's summary holds the uses its methods make of the field.
func NewREST(url string, options ...func(*REST)) *REST { // want NewREST:`^url\(DELETE\) \{param0:url\}/v1/cancelled/\{unknown:a parameter of method Delete\} via example.com/shop/api/orders/client.REST.Delete -> example.com/shop/api/orders/client.REST.do -> http.NewRequestWithContext; url\(GET\) \{param0:url\}/v1/orders/\{unknown:a parameter of method Get\} via example.com/shop/api/orders/client.REST.Get -> example.com/shop/api/orders/client.REST.do -> http.NewRequestWithContext$`
	cln := REST{url: url, http: http.DefaultClient}
	for _, option := range options {
		option(&cln)
	}
	return &cln
}

// Get fetches one order.
func (cln *REST) Get(ctx context.Context, id string) error {
	return cln.do(ctx, http.MethodGet, fmt.Sprintf("%s/v1/orders/%s", cln.url, id))
}

// Delete cancels one order: the constructor's callers see both
// endpoints, and are reported once.
func (cln *REST) Delete(ctx context.Context, id string) error {
	return cln.do(ctx, http.MethodDelete, cln.url+"/v1/cancelled/"+id)
}

func (cln *REST) do(ctx context.Context, method, endpoint string) error { // want do:`^url\(\{param1:method\}\) \{param2:endpoint\} via http.NewRequestWithContext$`
	req, err := http.NewRequestWithContext(ctx, method, endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := cln.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
