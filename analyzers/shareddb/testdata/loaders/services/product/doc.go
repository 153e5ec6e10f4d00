// Package product only owns a database in this fixture.
package product
