// Package logx is shared logging, used by every service.
package logx

import (
	"fmt"
	"os"
)

// Fatal prints err and exits.
func Fatal(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
