// Package user is only called in this fixture.
package user
