package store_test

import (
	"testing"

	"example.com/shop/services/orders/store"
)

// A service's own tests may import its private packages.
func TestOpen(t *testing.T) {
	if _, err := store.Open(); err != nil {
		t.Fatal(err)
	}
}
