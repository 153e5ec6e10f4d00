// Package payments charges cards; it reuses checkout's private cart code,
// which closes the circle checkout -> orders -> payments -> checkout. The
// directive accepts the import, not the cycle.
package payments

import "example.com/cycles/services/checkout/cart" //couplingvet:allow crossimport cart totals must match checkout to the cent

// Charge charges the cart's total.
func Charge() int { return cart.Total() }
