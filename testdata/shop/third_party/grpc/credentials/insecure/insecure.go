// Package insecure is a stand-in for google.golang.org/grpc/credentials/insecure.
package insecure

import "google.golang.org/grpc/credentials"

type creds struct{}

func (creds) Info() string { return "insecure" }

// NewCredentials returns credentials that disable transport security.
func NewCredentials() credentials.TransportCredentials { return creds{} }
