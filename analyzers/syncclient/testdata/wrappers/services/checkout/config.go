package checkout

import (
	"net/http"
	"os"

	"example.com/shop/pkg/config"
	"example.com/shop/pkg/grpcconn"
	"example.com/shop/pkg/httpclient"
)

// getenv is the getenv idiom in the service itself.
func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func ordersBase() string { return "http://orders:8080" }

// configured calls orders at addresses that helpers return.
func configured() {
	http.Get(getenv("ORDERS_API", "http://orders:8080") + "/v1/orders")        // want `checkout calls orders synchronously \(http GET \$ORDERS_API/v1/orders\)`
	http.Get(config.Getenv("ORDERS_API", "http://orders:8080") + "/v1/orders") // want `checkout calls orders synchronously \(http GET \$ORDERS_API/v1/orders\)`
	httpclient.Get(config.Getenv("ORDERS_URL", "") + "/v1/orders")             // want `checkout calls orders synchronously \(http GET \$ORDERS_URL/v1/orders via pkg/httpclient.Get\)`
	grpcconn.Dial(config.OrdersAddr())                                         // want `checkout calls orders synchronously \(grpc \$ORDERS_GRPC via pkg/grpcconn.Dial\)`
	http.Get(ordersBase() + "/v1/orders")                                      // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders\)`

	// Clean: third-party defaults and unmapped keys without a default.
	http.Get(config.Getenv("STRIPE_URL", "https://api.stripe.com") + "/v1/charges")
	http.Get(getenv("PARTNER_URL", "") + "/v1/orders")
}

// fromSettings calls orders at an address read through a config helper
// whose callers name the key.
func fromSettings(s *config.Settings) {
	http.Get(s.Get("orders.url") + "/v1/orders") // want `checkout calls orders synchronously \(http GET \{orders.url\}/v1/orders\)`
	http.Get(s.Get("partner.url") + "/v1/orders")
}
