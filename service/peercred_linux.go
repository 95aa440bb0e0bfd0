//go:build linux

package service

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// checkPeer admits a control-socket client only if it runs as the
// instance owner (the server's effective uid) or root, read from the
// kernel with SO_PEERCRED so it cannot be forged.
func checkPeer(c *net.UnixConn) error {
	raw, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var cred *syscall.Ucred
	var cerr error
	if err := raw.Control(func(fd uintptr) {
		cred, cerr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil {
		return err
	}
	if cerr != nil {
		return cerr
	}
	if owner := uint32(os.Geteuid()); cred.Uid != owner && cred.Uid != 0 {
		return fmt.Errorf("control connection from uid %d refused: only uid %d (the instance owner) may control this instance", cred.Uid, owner)
	}
	return nil
}
