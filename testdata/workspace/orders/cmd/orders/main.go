// Command orders runs the orders service.
package main

import (
	"example.com/ws/orders/store"
	"example.com/ws/platform/logx"
)

func main() {
	if _, err := store.Open(); err != nil {
		logx.Fatal(err)
	}
}
