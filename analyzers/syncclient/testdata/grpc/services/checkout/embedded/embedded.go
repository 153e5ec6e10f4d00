// Package embedded is checkout's code that starts a frontend in process:
// the calls are frontend's code, with addresses that checkout hands over.
package embedded

import "example.com/shop/services/frontend"

func start() {
	frontend.NewServer(frontend.ConfigOptions{CustomerHostPort: "customer:8081"}) // want `^frontend calls customer synchronously \(http GET http://customer:8081/customer via services/frontend.Server.customer -> services/frontend.newCustomerClient -> services/frontend.customerClient.get -> address set by services/checkout/embedded\)`
}
