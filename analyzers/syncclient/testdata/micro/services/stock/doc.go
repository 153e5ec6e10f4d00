// Package stock serves go-micro RPC.
package stock
