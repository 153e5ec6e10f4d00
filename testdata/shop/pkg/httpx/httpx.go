// Package httpx is shared HTTP plumbing: a JSON GET helper.
package httpx

import (
	"context"
	"encoding/json"
	"net/http"
)

// GetJSON fetches url and decodes the JSON body into v.
func GetJSON(ctx context.Context, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
