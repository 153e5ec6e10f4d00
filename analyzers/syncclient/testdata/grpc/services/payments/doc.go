// Package payments serves payments.
package payments
