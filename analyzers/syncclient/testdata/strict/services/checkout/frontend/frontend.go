// Package frontend dials what its importer configures: the field's value
// is set in another package (cmd). ConfigOptions' fact hands the use to
// the importers, which report it at their literals; here -strict lists
// the call, with a hole where the field is that says so.
package frontend

import "net/http"

type ConfigOptions struct { // want ConfigOptions:`^url\(http GET\) http://\{field:example.com/shop/services/checkout/frontend.ConfigOptions.DriverHostPort\}/drivers via example.com/shop/services/checkout/frontend.Server.Drivers -> http.Get$`
	DriverHostPort string
}

type Server struct {
	opts     ConfigOptions
	redisURL string // never set in this package
}

// New builds the only Server literal: the use of redisURL in Cache is
// listed here, where the literal leaves it unset.
func New(opts ConfigOptions) *Server {
	return &Server{opts: opts} // want `^checkout makes a synchronous call \(http GET via services/checkout/frontend.Server.Cache, address not known statically\) that no service of the map claims \(field redisURL not set\)`
}

func (s *Server) Drivers() {
	http.Get("http://" + s.opts.DriverHostPort + "/drivers") // want `^checkout makes a synchronous call \(http GET http://…/drivers\) that no service of the map claims \(field frontend.ConfigOptions.DriverHostPort: set only by packages that import frontend, where couplingvet reports the call at their literals of ConfigOptions\)`
}

// Dial reads a field of its parameter: its callers, wherever they are,
// say what the field holds.
func Dial(opts ConfigOptions) { // want Dial:`^url\(http GET\) http://\{paramfield0:opts.DriverHostPort\}/ping via http.Get$`
	http.Get("http://" + opts.DriverHostPort + "/ping")
}

func (s *Server) Cache() {
	http.Get(s.redisURL)
}
