// Package credentials is a stand-in for google.golang.org/grpc/credentials.
package credentials

// TransportCredentials secures a connection.
type TransportCredentials interface{ Info() string }
