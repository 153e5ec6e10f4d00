// Package sdk calls orders through orders' client SDK, which orders keeps
// in its own code (importing it is a crossimport too, which is not this
// analyzer's business).
package sdk

import ordersclient "example.com/shop/services/orders/client"

func orders() {
	ordersclient.New("orders:9090") // want `checkout calls orders synchronously \(grpc orders:9090 via services/orders/client.New\)`
}
