// Package customer serves customers.
package customer
