// Package client is orders' client SDK, built on resty: the base URL is
// set once, when the client is made, and every request is relative to it.
package client

import "github.com/go-resty/resty/v2"

type Client struct{ http *resty.Client }

func New(baseURL string) *Client { // want New:`^url\(http\) \{param0:baseURL\} via resty.Client.SetBaseURL$`
	return &Client{http: resty.New().SetBaseURL(baseURL)}
}

func (c *Client) GetOrder(id string) error {
	_, err := c.http.R().SetPathParam("id", id).Get("/v1/orders/{id}")
	return err
}

func (c *Client) CancelOrder(id string) error {
	_, err := c.http.R().Post("/v1/orders/" + id + "/cancel")
	return err
}
