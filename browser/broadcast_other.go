//go:build !linux

package browser

import "net"

func setBroadcast(net.PacketConn) {}
