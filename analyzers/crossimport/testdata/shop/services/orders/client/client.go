// Package client is orders' client SDK: a contract inside orders' own directory.
package client

import "example.com/shop/services/orders/store"

func Total(id string) int { return store.Total(id) }
