//go:build unix

package engine

import (
	"os/exec"
	"syscall"
)

// killGroupOnCancel makes cancelling cmd's context stop the commands it
// started too: go list -export runs the compiler in child processes, which
// would otherwise finish their work after go list is gone.
func killGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
