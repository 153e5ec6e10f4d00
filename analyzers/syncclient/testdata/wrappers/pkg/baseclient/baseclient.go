// Package baseclient is the repository's base client for internal calls:
// it keeps a service's base URL in an exported field, and URL joins a path
// to it (an absolute URL stays as it is; a path gets its leading slash).
package baseclient

import (
	"context"
	"net/http"
	"strings"
)

// Client keeps the base URL of the service it calls.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// New returns a client for the service at baseURL.
func New(baseURL string) *Client { // want New:`^url\(GET\) \{param0:baseURL\}\{unknown:a parameter of method Get\} via example.com/shop/pkg/baseclient.Client.Get -> http.NewRequestWithContext$`
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTP: http.DefaultClient}
}

// URL joins path to the base URL.
func (c *Client) URL(path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return path
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return c.BaseURL + path
}

// Get sends a GET for path.
func (c *Client) Get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.URL(path), nil)
	if err != nil {
		return nil, err
	}
	return c.HTTP.Do(req)
}
