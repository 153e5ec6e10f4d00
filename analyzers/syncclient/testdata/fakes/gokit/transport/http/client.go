// Package http is a minimal stand-in for github.com/go-kit/kit/transport/http.
package http

import (
	"context"
	"net/http"
	"net/url"
)

type EncodeRequestFunc func(context.Context, *http.Request, interface{}) error

type DecodeResponseFunc func(context.Context, *http.Response) (interface{}, error)

type ClientOption func(*Client)

type Client struct{ method string }

// NewClient constructs a client for a single remote method.
func NewClient(method string, tgt *url.URL, enc EncodeRequestFunc, dec DecodeResponseFunc, options ...ClientOption) *Client {
	return &Client{method: method}
}
