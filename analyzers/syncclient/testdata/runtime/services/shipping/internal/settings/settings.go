// Package settings is the shipping service's configuration, decoded from
// conf/<env>/app.json (at the repository root, shared by no other
// service) by cmd/shipping.
package settings

type Settings struct {
	Orders struct {
		URL string `json:"url"`
	} `json:"orders"`
}
