// Package orders holds orders' public contract.
package orders

type Order struct{ ID string }
