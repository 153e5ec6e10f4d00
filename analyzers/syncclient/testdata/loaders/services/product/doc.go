// Package product is only called in this fixture.
package product
