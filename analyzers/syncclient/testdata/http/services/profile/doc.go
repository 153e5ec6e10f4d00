// Package profile serves profile.
package profile
