// Package catalog is only called in this fixture.
package catalog
