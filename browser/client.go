package browser

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrNoResponse means no SSRP answer arrived in time: the Browser is not
// running, UDP 1434 is blocked, or the instance is hidden or unknown
// (SQL Server's Browser is silent for those). Clients report it as SNI
// error 26 "Error Locating Server/Instance Specified".
var ErrNoResponse = errors.New("no response from SQL Server Browser")

// NoResponseError is ErrNoResponse with the address asked.
type NoResponseError struct{ Addr string }

func (e *NoResponseError) Error() string {
	return fmt.Sprintf("no response from SQL Server Browser on %s (UDP): the Browser is not running, UDP 1434 is blocked, or the instance is hidden", e.Addr)
}

// Unwrap makes errors.Is(err, ErrNoResponse) work.
func (e *NoResponseError) Unwrap() error { return ErrNoResponse }

// InstanceNotFoundError is an answer that does not contain the instance.
type InstanceNotFoundError struct {
	Host, Instance string
	Available      []string
}

func (e *InstanceNotFoundError) Error() string {
	msg := fmt.Sprintf("no instance matching '%s' returned from host '%s'", e.Instance, e.Host)
	if len(e.Available) > 0 {
		msg += " (instances: " + strings.Join(e.Available, ", ") + ")"
	}
	return msg
}

// NoTCPError is an instance advertised without a TCP endpoint (TCP
// disabled): clients report SNI error 28 / -1.
type NoTCPError struct{ Instance string }

func (e *NoTCPError) Error() string {
	return fmt.Sprintf("instance '%s' does not listen on TCP (the Browser advertises no tcp endpoint)", e.Instance)
}

// Client asks a Browser.
type Client struct {
	// Port is the Browser's UDP port (default 1434); a host given as
	// "host:port" overrides it.
	Port int
	// Timeout bounds one query when ctx has no earlier deadline (default
	// 1 s, what SQL clients wait). The request is re-sent once halfway,
	// since UDP may drop it.
	Timeout time.Duration
}

// DefaultClient asks UDP 1434 with a 1 s timeout.
var DefaultClient = &Client{}

// Resolve returns the TCP port of host\instance (go-mssqldb and SNI
// semantics: case-insensitive name).
func Resolve(ctx context.Context, host, instance string) (int, error) {
	return DefaultClient.Resolve(ctx, host, instance)
}

// ResolveDAC returns the DAC port of host\instance (CLNT_UCAST_DAC).
func ResolveDAC(ctx context.Context, host, instance string) (int, error) {
	return DefaultClient.ResolveDAC(ctx, host, instance)
}

// List returns every instance a host advertises (CLNT_UCAST_EX).
func List(ctx context.Context, host string) ([]Record, error) {
	return DefaultClient.List(ctx, host)
}

func (c *Client) addr(host string) string {
	if h, p, err := net.SplitHostPort(host); err == nil {
		return net.JoinHostPort(h, p)
	}
	port := c.Port
	if port == 0 {
		port = DefaultPort
	}
	return net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(port))
}

func hostOnly(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return host
}

// exchange sends the requests and passes each reply to accept until it
// returns true or the deadline passes.
func (c *Client) exchange(ctx context.Context, host string, reqs [][]byte, accept func([]byte) bool) error {
	addr := c.addr(host)
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = time.Second
	}
	deadline := time.Now().Add(timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "udp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	send := func() error {
		for _, r := range reqs {
			if _, err := conn.Write(r); err != nil {
				if isRefused(err) {
					// An earlier ICMP port-unreachable: nobody on the port.
					return &NoResponseError{Addr: addr}
				}
				return err
			}
		}
		return nil
	}
	if err := send(); err != nil {
		return err
	}
	resend := time.Now().Add(time.Until(deadline) / 2)
	buf := make([]byte, 65535+3)
	for {
		next := deadline
		if !resend.IsZero() {
			next = resend
		}
		conn.SetReadDeadline(next)
		n, err := conn.Read(buf)
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if !resend.IsZero() {
					resend = time.Time{}
					if err := send(); err != nil {
						return err
					}
					continue
				}
				return &NoResponseError{Addr: addr}
			}
			// ECONNREFUSED from an ICMP port-unreachable: nobody on 1434.
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if isRefused(err) {
				return &NoResponseError{Addr: addr}
			}
			return err
		}
		if accept(buf[:n]) {
			return nil
		}
	}
}

func isRefused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }

// List asks a host for all its instances.
func (c *Client) List(ctx context.Context, host string) ([]Record, error) {
	var out []Record
	err := c.exchange(ctx, host, [][]byte{{ClntUcastEx}}, func(b []byte) bool {
		recs, err := ParseResponse(b)
		if err != nil {
			return false
		}
		out = recs
		return true
	})
	return out, err
}

// Lookup returns the record of one instance. It sends CLNT_UCAST_INST, as
// SNI does, together with CLNT_UCAST_EX, so that an unknown instance is
// reported as such (with the names that exist) instead of as a timeout.
func (c *Client) Lookup(ctx context.Context, host, instance string) (Record, error) {
	one, err := EncodeRequest(Request{Type: ClntUcastInst, Instance: instance})
	if err != nil {
		return Record{}, err
	}
	var (
		found   Record
		missing *InstanceNotFoundError
	)
	err = c.exchange(ctx, host, [][]byte{one, {ClntUcastEx}}, func(b []byte) bool {
		recs, err := ParseResponse(b)
		if err != nil {
			return false
		}
		var names []string
		for _, r := range recs {
			if strings.EqualFold(r.InstanceName, instance) {
				found = r
				return true
			}
			names = append(names, r.InstanceName)
		}
		missing = &InstanceNotFoundError{Host: hostOnly(host), Instance: instance, Available: names}
		return true
	})
	if err != nil {
		return Record{}, err
	}
	if missing != nil && found.InstanceName == "" {
		return Record{}, missing
	}
	return found, nil
}

// Resolve returns the TCP port of an instance.
func (c *Client) Resolve(ctx context.Context, host, instance string) (int, error) {
	r, err := c.Lookup(ctx, host, instance)
	if err != nil {
		return 0, err
	}
	if r.TCPPort == 0 {
		return 0, &NoTCPError{Instance: r.InstanceName}
	}
	return r.TCPPort, nil
}

// ResolveDAC returns an instance's DAC port.
func (c *Client) ResolveDAC(ctx context.Context, host, instance string) (int, error) {
	req, err := EncodeRequest(Request{Type: ClntUcastDAC, Instance: instance})
	if err != nil {
		return 0, err
	}
	port := 0
	err = c.exchange(ctx, host, [][]byte{req}, func(b []byte) bool {
		p, err := ParseDACResponse(b)
		if err != nil {
			return false
		}
		port = p
		return true
	})
	return port, err
}

// Discover broadcasts CLNT_BCAST_EX to addr (e.g. "255.255.255.255:1434")
// and collects every answer until ctx ends or the timeout passes: sqlcmd
// -L on a network.
func (c *Client) Discover(ctx context.Context, addr string) ([]Record, error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = time.Second
	}
	conn, err := net.ListenPacket("udp4", ":0")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	setBroadcast(conn)
	ua, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return nil, err
	}
	if _, err := conn.WriteTo([]byte{ClntBcastEx}, ua); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	conn.SetReadDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { conn.SetReadDeadline(time.Now()) })
	defer stop()
	var out []Record
	buf := make([]byte, 65535+3)
	for {
		n, _, err := conn.ReadFrom(buf)
		if err != nil {
			return out, nil
		}
		if recs, err := ParseResponse(buf[:n]); err == nil {
			out = append(out, recs...)
		}
	}
}
