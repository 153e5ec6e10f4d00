// Package resty is a minimal stand-in for github.com/go-resty/resty/v2.
package resty

type Client struct{ BaseURL string }

type Request struct{ client *Client }

type Response struct{}

func New() *Client { return &Client{} }

func (c *Client) SetBaseURL(url string) *Client { c.BaseURL = url; return c }

func (c *Client) SetHeader(header, value string) *Client { return c }

func (c *Client) R() *Request { return &Request{client: c} }

func (r *Request) SetBody(body any) *Request { return r }

func (r *Request) Get(url string) (*Response, error)     { return nil, nil }
func (r *Request) Head(url string) (*Response, error)    { return nil, nil }
func (r *Request) Post(url string) (*Response, error)    { return nil, nil }
func (r *Request) Put(url string) (*Response, error)     { return nil, nil }
func (r *Request) Patch(url string) (*Response, error)   { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)  { return nil, nil }
func (r *Request) Options(url string) (*Response, error) { return nil, nil }

func (r *Request) Execute(method, url string) (*Response, error) { return nil, nil }
