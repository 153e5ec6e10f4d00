// Package wrap wraps the sinks; its functions get wrapper facts.
package wrap

import "example.com/sinkstest/lib"

func Dial(addr string) { // want Dial:`url {param0:addr} via lib.Client.Dial`
	new(lib.Client).Dial(addr)
}

func DialTwice(host string) { // want DialTwice:`url http://{param0:host}:80 via example.com/sinkstest/wrap.Dial -> lib.Client.Dial`
	Dial("http://" + host + ":80")
}

func Fixed() { // want Fixed:`url http://fixed:1 via lib.Client.Dial`
	new(lib.Client).Dial("http://fixed:1") // want `hit lib.Client.Dial url=http://fixed:1`
}

func Recurse(a string, n int) { // want Recurse:`url {param0:a} via lib.Client.Dial`
	if n > 0 {
		Recurse(a+"x", n-1)
	}
	new(lib.Client).Dial(a)
}

// Client is a client SDK: the constructor keeps the target in a field.
type Client struct{ base string }

func NewClient(base string) *Client { // want NewClient:`url {param0:base}/v1 via example.com/sinkstest/wrap.Client.Get -> lib.Client.Dial`
	return &Client{base: base}
}

func (c *Client) Get() { new(lib.Client).Dial(c.base + "/v1") }
