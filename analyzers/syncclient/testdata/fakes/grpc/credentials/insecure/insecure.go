// Package insecure is a stand-in for google.golang.org/grpc/credentials/insecure.
package insecure

type creds struct{}

func (creds) Info() string { return "insecure" }

// NewCredentials returns credentials that disable transport security.
func NewCredentials() creds { return creds{} }
