package pricing // want package:`reaches\(orders: example.com/shop/services/orders/store\)`

import (
	"example.com/shop/pkg/log"
	"example.com/shop/services/orders/store" // want `shared package pkg/pricing imports orders' private package services/orders/store: every service that imports pkg/pricing now depends on orders' internals; move what it needs into shared code or into orders' contract \(api/orders, services/orders/client\), or allow it in couplingvet.yaml with a reason`
)

func Price(id string) int {
	log.Printf("pricing %s", id)
	return store.Total(id)
}
