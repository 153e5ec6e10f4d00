// Package server is orders' own HTTP server.
package server

import (
	"context"
	"net/http"

	"example.com/modules/common/httpclient"
)

// Health asks orders itself whether it is up: a call to itself, never reported.
func Health(ctx context.Context) (*http.Response, error) {
	return httpclient.Get(ctx, "http://orders:8080/healthz")
}
