// Package lib plays the library whose functions are sinks.
package lib

type Client struct{}

func (c *Client) Dial(addr string) error { return nil }

func Connect(addrs ...string) {}

func Generic[T any](x T, url string) {}

type Options struct {
	Addr  string
	Addrs []string
	DB    int
}

type Box[T any] struct{}

func (b Box[T]) Open(url string) {}
