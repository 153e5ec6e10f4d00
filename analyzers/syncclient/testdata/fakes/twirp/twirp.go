// Package twirp is a minimal stand-in for github.com/twitchtv/twirp.
package twirp

type ClientOption func(*ClientOptions)

type ClientOptions struct{ PathPrefix string }
