// Package driver serves drivers.
package driver
