package client

import resty "resty.dev/v3"

// V3 is the same SDK on resty v3, whose builder style sets the URL on the
// request and sends it.
type V3 struct{ http *resty.Client }

func NewV3(baseURL string) *V3 { // want NewV3:`^url\(http\) \{param0:baseURL\} via resty.Client.SetBaseURL$`
	return &V3{http: resty.New().SetBaseURL(baseURL)}
}

func (c *V3) GetOrder(id string) error {
	_, err := c.http.R().SetPathParam("id", id).Get("/v1/orders/{id}")
	return err
}

func (c *V3) CancelOrder(id string) error {
	_, err := c.http.R().SetMethod(resty.MethodPost).SetURL("/v1/orders/" + id + "/cancel").Send()
	return err
}
