// Command frontend is frontend's own main: its options' addresses are
// frontend's calls, set where the service is started.
package main

import (
	"flag"

	"example.com/shop/services/frontend"
)

func main() {
	frontend.NewServer(frontend.ConfigOptions{DriverHostPort: "driver:8082"})        // want `^frontend calls driver synchronously \(http GET http://driver:8082/driver via services/frontend.Server.route\)`
	frontend.NewServer(frontend.ConfigOptions{DriverHostPort: "frontend:8080"})      // frontend itself
	frontend.NewServer(frontend.ConfigOptions{CustomerHostPort: "maps.example.com"}) // a third-party API
	frontend.NewServer(frontend.ConfigOptions{Debug: true})                          // sets neither address: says nothing

	// HotROD's own shape: a zero value, its fields set from flags.
	var options frontend.ConfigOptions
	flag.StringVar(&customerAddr, "customer", "customer:8081", "customer service host:port")
	options.CustomerHostPort = customerAddr // want `^frontend calls customer synchronously \(http GET http://customer:8081/customer via services/frontend.Server.customer -> services/frontend.newCustomerClient`
	options.Debug = *debug
	frontend.NewServer(options)
}

var (
	customerAddr string
	debug        = flag.Bool("debug", false, "debug")
)
