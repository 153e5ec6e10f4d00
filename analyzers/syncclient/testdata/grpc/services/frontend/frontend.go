// Package frontend has HotROD's shape: its options struct holds the
// addresses of the services it calls, and only the packages that import
// it (its cmd, the all-in-one composition root) set them. The type's fact
// carries what its methods do with those fields to the literals that set
// them, where the call is reported, as frontend's.
package frontend

import "net/http"

// ConfigOptions is set by the importers of frontend.
type ConfigOptions struct { // want ConfigOptions:`^url\(http GET\) http://\{field:example.com/shop/services/frontend.ConfigOptions.CustomerHostPort\}/customer\?customer=\{unknown:a parameter of method get\} via example.com/shop/services/frontend.Server.customer -> example.com/shop/services/frontend.newCustomerClient -> example.com/shop/services/frontend.customerClient.get -> http.Get; url\(http GET\) http://\{field:example.com/shop/services/frontend.ConfigOptions.DriverHostPort\}/driver via example.com/shop/services/frontend.Server.route -> http.Get$`
	DriverHostPort   string
	CustomerHostPort string
	Debug            bool
}

type Server struct {
	opts ConfigOptions
}

func NewServer(options ConfigOptions) *Server {
	return &Server{opts: options}
}

// route calls driver directly with the configured address.
func (s *Server) route() {
	http.Get("http://" + s.opts.DriverHostPort + "/driver")
}

// customer calls customer through a client of the package.
func (s *Server) customer(id string) {
	newCustomerClient(s.opts.CustomerHostPort).get(id)
}

type customerClient struct {
	hostPort string
}

func newCustomerClient(hostPort string) *customerClient { // want newCustomerClient:`^url\(http GET\) http://\{param0:hostPort\}/customer\?customer=\{unknown:a parameter of method get\} via example.com/shop/services/frontend.customerClient.get -> http.Get$`
	return &customerClient{hostPort: hostPort}
}

func (c *customerClient) get(id string) {
	http.Get("http://" + c.hostPort + "/customer?customer=" + id)
}
