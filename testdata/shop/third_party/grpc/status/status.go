// Package status is a stand-in for google.golang.org/grpc/status.
package status

import (
	"fmt"

	"google.golang.org/grpc/codes"
)

// Errorf returns an error carrying code c.
func Errorf(c codes.Code, format string, a ...any) error {
	return fmt.Errorf("rpc error: code = %d desc = %s", c, fmt.Sprintf(format, a...))
}
