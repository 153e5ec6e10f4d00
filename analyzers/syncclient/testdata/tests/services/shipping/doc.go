// Package shipping serves HTTP.
package shipping
