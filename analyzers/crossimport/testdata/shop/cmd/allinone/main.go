// Command allinone starts every service in one process: a composition root.
package main

import (
	_ "example.com/shop/services/billing/invoice"
	_ "example.com/shop/services/checkout/cart"
	_ "example.com/shop/services/orders/store"
)

func main() {}
