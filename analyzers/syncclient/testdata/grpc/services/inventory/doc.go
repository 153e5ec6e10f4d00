// Package inventory serves twirp.
package inventory
