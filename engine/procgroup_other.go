//go:build !unix

package engine

import "os/exec"

// killGroupOnCancel leaves cmd as it is: elsewhere, cancelling its context
// stops the go command, and the compilations it started run to their end.
func killGroupOnCancel(cmd *exec.Cmd) {}
