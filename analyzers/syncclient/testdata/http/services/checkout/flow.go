package checkout

import (
	"net/http"
	"net/url"

	"github.com/spf13/cobra"
)

// Addresses that reach the call through a cobra flag, a reassigned
// parameter and net/url.

var stockAddr string

func command() *cobra.Command {
	cmd := &cobra.Command{Use: "checkout"}
	cmd.PersistentFlags().StringVarP(&stockAddr, "stock-addr", "s", "stock:8080", "stock's address")
	cmd.Flags().String("orders-url", "http://orders:8080", "orders' base URL")
	return cmd
}

func fromFlags(cmd *cobra.Command) {
	http.Get("http://" + stockAddr + "/v1/stock") // want `checkout calls stock synchronously \(http GET http://stock:8080/v1/stock\)`
	orders, _ := cmd.Flags().GetString("orders-url")
	http.Get(orders + "/v1/orders") // want `checkout calls orders synchronously \(http GET http://orders:8080/v1/orders\)`
}

// newStockClient normalises its address in place, as many clients do.
func newStockClient(instance string) { // want newStockClient:`^url\(http GET\) http://\{param0:instance\}/v1/stock via http.Get$`
	instance = "http://" + instance
	http.Get(instance + "/v1/stock")
}

func stock() {
	newStockClient("stock:8080") // want `checkout calls stock synchronously \(http GET http://stock:8080/v1/stock via services/checkout.newStockClient\)`
}

func parsed() {
	base, _ := url.Parse("http://orders:8080/api")
	u := *base
	u.Path = "/v1/quotes"
	http.Get(u.String())                             // allowed: the map's rule for /v1/quotes matches the copy's own path
	http.Get(base.JoinPath("v1", "orders").String()) // want `checkout calls orders synchronously \(http GET http://orders:8080/api/v1/orders\)`
}
