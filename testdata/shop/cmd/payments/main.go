// Command payments runs the payments service.
package main

import (
	"log"

	"example.com/shop/services/payments"
)

func main() {
	if _, err := payments.OpenLedger(); err != nil {
		log.Fatal(err)
	}
}
