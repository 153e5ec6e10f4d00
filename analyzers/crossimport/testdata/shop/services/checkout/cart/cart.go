package cart

import (
	"fmt"

	orders "example.com/shop/api/orders"                 // a contract: allowed
	"example.com/shop/pkg/discount"                      // want `checkout reaches orders' private code through shared code \(services/checkout/cart -> pkg/discount -> pkg/pricing -> services/orders/store\): checkout depends on orders' internals without importing them; make the shared package depend on orders' contract \(api/orders, services/orders/client\) instead, or allow it in couplingvet.yaml with a reason`
	"example.com/shop/pkg/log"                           // shared code that reaches nothing private
	"example.com/shop/services/checkout/internal/basket" // its own private code
	"example.com/shop/services/geo/index"                // want `checkout imports geo's private package services/geo/index: checkout now compiles against geo's internals and breaks when geo changes them; import geo's contract \(services/geo/proto\) instead, or allow it in couplingvet.yaml with a reason`
	"example.com/shop/services/geo/proto"                // a contract inside geo's own directory
	"example.com/shop/services/orders/client"            // orders' client SDK, a contract
	//couplingvet:allow crossimport reads the legacy totals until the orders API ships them
	"example.com/shop/services/orders/store"
)

func Checkout(b basket.Basket) string {
	log.Printf("checkout")
	_ = orders.Order{}
	_ = proto.Point{}
	return fmt.Sprint(discount.Apply("1"), index.Nearest(), client.Total("2"), store.Total("3"), len(b.Items))
}
