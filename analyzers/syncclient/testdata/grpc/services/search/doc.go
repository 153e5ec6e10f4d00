// Package search serves gRPC.
package search
