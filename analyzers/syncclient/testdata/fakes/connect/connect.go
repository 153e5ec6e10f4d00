// Package connect is a minimal stand-in for connectrpc.com/connect.
package connect

import "net/http"

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

type ClientOption interface{ applyToClient() }

type Client[Req, Res any] struct{ url string }

type Request[T any] struct{ Msg *T }

type Response[T any] struct{ Msg *T }

func NewRequest[T any](message *T) *Request[T] { return &Request[T]{Msg: message} }

// NewClient constructs a client for the procedure at url.
func NewClient[Req, Res any](httpClient HTTPClient, url string, options ...ClientOption) *Client[Req, Res] {
	return &Client[Req, Res]{url: url}
}
