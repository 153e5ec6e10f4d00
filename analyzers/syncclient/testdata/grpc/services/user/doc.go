// Package user serves user.
package user
