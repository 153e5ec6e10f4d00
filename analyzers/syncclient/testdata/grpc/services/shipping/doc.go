// Package shipping serves shipping.
package shipping
