package service

import (
	"fmt"
	"net"
	"strconv"
)

// Endpoint protocols.
const (
	ProtoTCP   = "tcp"   // TDS over TCP
	ProtoDAC   = "dac"   // dedicated admin connection (TCP)
	ProtoLocal = "local" // TDS over the instance's Unix socket
)

// Endpoint is one listener the engine actually opened.
type Endpoint struct {
	Protocol string `json:"protocol"`
	// Address is the IP literal bound ("0.0.0.0" and "::" mean any) or,
	// for ProtoLocal, the socket path.
	Address string `json:"address"`
	Port    int    `json:"port,omitempty"`
}

// TCPEndpoint builds an endpoint from a listener address.
func TCPEndpoint(proto string, a net.Addr) Endpoint {
	if t, ok := a.(*net.TCPAddr); ok {
		ip := "0.0.0.0"
		if t.IP != nil {
			ip = t.IP.String()
			if t.IP.IsUnspecified() && t.IP.To4() == nil {
				ip = "::"
			}
		}
		return Endpoint{Protocol: proto, Address: ip, Port: t.Port}
	}
	host, port, _ := net.SplitHostPort(a.String())
	p, _ := strconv.Atoi(port)
	return Endpoint{Protocol: proto, Address: host, Port: p}
}

func (e Endpoint) String() string {
	if e.Protocol == ProtoLocal {
		return "local " + e.Address
	}
	return e.Protocol + " " + net.JoinHostPort(e.Address, strconv.Itoa(e.Port))
}

func (e Endpoint) ip() net.IP { return net.ParseIP(e.Address) }

// IsLoopback reports a loopback-only TCP endpoint.
func (e Endpoint) IsLoopback() bool {
	ip := e.ip()
	return ip != nil && ip.IsLoopback()
}

// logAddress is SQL Server's "[ 'any' <ipv4> 1433]" / "[ 127.0.0.1 <ipv4> 1434]".
func (e Endpoint) logAddress() string {
	ip := e.ip()
	fam := "<ipv4>"
	if ip != nil && ip.To4() == nil {
		fam = "<ipv6>"
	}
	host := e.Address
	if ip == nil || ip.IsUnspecified() {
		host = "'any'"
	}
	return fmt.Sprintf("[ %s %s %d]", host, fam, e.Port)
}
