// Package stock serves RPC.
package stock
