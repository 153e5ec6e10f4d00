package checkout

import (
	"net/http"

	"example.com/shop/pkg/config"
)

// Addresses kept in variables of shared code resolve like constants.
func sharedVariables() {
	http.Get(config.OrdersURL + "/v1/orders") // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders\)`
	http.Get(config.OrdersStatsURL)           // want `checkout calls orders synchronously \(http GET \$ORDERS_STATS_URL\)`
}
