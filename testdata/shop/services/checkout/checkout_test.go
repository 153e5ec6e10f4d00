package checkout_test

import (
	"testing"

	"example.com/shop/services/orders/money"
)

// Test files are checked too: this test reaches into orders' private code.
func TestRounding(t *testing.T) {
	if money.RoundCents(0.5) != 1 {
		t.Fatal("rounding changed")
	}
}
