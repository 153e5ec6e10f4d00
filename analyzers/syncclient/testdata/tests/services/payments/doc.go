// Package payments serves HTTP.
package payments
