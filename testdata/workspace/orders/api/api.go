// Package api is the orders service's contract: the types other services
// may depend on.
package api

// Order is an order as other services see it.
type Order struct {
	ID         string
	TotalCents int64
}
