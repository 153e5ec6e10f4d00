// Package orders serves HTTP.
package orders
