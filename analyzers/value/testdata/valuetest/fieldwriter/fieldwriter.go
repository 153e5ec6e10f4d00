// Package fieldwriter fills config.Services itself: a field it writes is
// not only what the fact of config says, so it does not read the fact.
package fieldwriter

import "example.com/valuetest/config"

func show(s string) {}

func reads() {
	local := config.Services{OrdersURL: "http://localhost:8080"}
	show(local.OrdersURL)                         // want `^http://localhost:8080 origin=literal$`
	show(config.LoadServices().OrdersURL + "/v1") // want `^\{configfield:config.Services.OrdersURL\}/v1 origin=config field config.Services.OrdersURL$`
	show(config.LoadServices().OrdersAPI())       // want `^\{unknown:field example.com/valuetest/config.Services.OrdersURL\}/api origin=literal$`
	show(config.LoadServices().PaymentURL)        // want `^http://payments:8080 origin=literal$`
}
