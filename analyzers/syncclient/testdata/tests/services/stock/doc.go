// Package stock serves HTTP.
package stock
