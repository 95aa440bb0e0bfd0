//go:build linux

package browser

import (
	"net"
	"syscall"
)

// setBroadcast allows sending to a broadcast address.
func setBroadcast(c net.PacketConn) {
	uc, ok := c.(*net.UDPConn)
	if !ok {
		return
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return
	}
	raw.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_BROADCAST, 1)
	})
}
