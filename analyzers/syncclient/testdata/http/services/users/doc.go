// Package users serves users.
package users
