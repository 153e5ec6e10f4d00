// Package payments is only called in this fixture.
package payments
