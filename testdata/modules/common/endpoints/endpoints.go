// Package endpoints says where each service answers.
package endpoints

import "os"

// Orders is orders' base URL: $ORDERS_URL, else its cluster address.
func Orders() string {
	if u := os.Getenv("ORDERS_URL"); u != "" {
		return u
	}
	return "http://orders:8080"
}
