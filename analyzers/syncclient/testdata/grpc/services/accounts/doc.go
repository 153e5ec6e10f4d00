// Package accounts serves accounts.
package accounts
