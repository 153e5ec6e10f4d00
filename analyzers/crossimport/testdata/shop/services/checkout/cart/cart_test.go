package cart_test

import (
	"testing"

	"example.com/shop/services/checkout/cart"
	"example.com/shop/services/checkout/internal/basket"
	"example.com/shop/services/geo/index" // want `checkout imports geo's private package services/geo/index`
)

func TestCheckout(t *testing.T) {
	_ = cart.Checkout(basket.Basket{})
	_ = index.Nearest()
}
