// Command inventory runs the inventory service.
package main

import (
	"log"

	"example.com/shop/services/inventory"
)

func main() {
	if _, err := inventory.Open(); err != nil {
		log.Fatal(err)
	}
}
