//go:build !linux

package service

import "net"

// checkPeer relies on the socket's 0600 mode where SO_PEERCRED is missing.
func checkPeer(c *net.UnixConn) error { return nil }
