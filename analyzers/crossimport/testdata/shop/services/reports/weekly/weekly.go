// Package weekly may reach orders through pkg/discount (an allow rule
// narrowed to that shared package), but not import orders' store itself.
package weekly

import (
	"example.com/shop/pkg/discount"
	"example.com/shop/services/orders/store" // want `reports imports orders' private package services/orders/store`
)

func Total(id string) int { return discount.Apply(id) + store.Total(id) }
