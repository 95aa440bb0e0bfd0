package server

import (
	"errors"
	"net"
	"syscall"
)

// tcpNetwork picks "tcp4" or "tcp6" from the address literal, so that
// "0.0.0.0" and "::" are two sockets (as SQL Server has, and as its error
// log reports) instead of one dual-stack socket that would collide.
func tcpNetwork(addr string) (network, a string) {
	h, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "tcp", addr
	}
	ip := net.ParseIP(h)
	switch {
	case ip == nil:
		return "tcp", addr
	case ip.To4() != nil:
		return "tcp4", addr
	default:
		return "tcp6", addr
	}
}

func ipv6Unavailable(err error) bool {
	return errors.Is(err, syscall.EADDRNOTAVAIL) || errors.Is(err, syscall.EAFNOSUPPORT) || errors.Is(err, syscall.EPROTONOSUPPORT)
}
