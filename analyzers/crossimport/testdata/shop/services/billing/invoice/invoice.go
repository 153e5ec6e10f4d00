// Package invoice imports orders' internals under an allow rule in the map.
package invoice

import (
	"example.com/shop/pkg/discount"
	"example.com/shop/services/orders/store"
)

func Amount(id string) int { return store.Total(id) + discount.Apply(id) }
