// Package httpclient is the shared HTTP plumbing every service uses.
package httpclient

import (
	"context"
	"net/http"
)

// Get sends a GET request to url.
func Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
