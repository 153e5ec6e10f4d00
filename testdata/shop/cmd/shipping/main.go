// Command shipping runs the shipping service.
package main

import (
	"context"
	"log"

	"example.com/shop/services/shipping"
)

func main() {
	if _, err := shipping.Quote(context.Background(), "o-1", "sku-1"); err != nil {
		log.Fatal(err)
	}
}
