package client

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Protocol is the transport a server name asks for.
type Protocol uint8

const (
	// ProtoAny: no prefix; TCP, or the local socket when the host is local
	// and no port is given (SqlClient tries shared memory first locally).
	ProtoAny Protocol = iota
	ProtoTCP
	// ProtoNamedPipe is np:; here the instance's Unix socket.
	ProtoNamedPipe
	// ProtoSharedMemory is lpc: (sm: in go-mssqldb); here the Unix socket.
	ProtoSharedMemory
)

func (p Protocol) String() string {
	switch p {
	case ProtoTCP:
		return "tcp"
	case ProtoNamedPipe:
		return "np"
	case ProtoSharedMemory:
		return "lpc"
	}
	return ""
}

// DefaultPort is the default instance's TCP port.
const DefaultPort = 1433

// Target is a parsed server name.
type Target struct {
	Protocol Protocol
	// Admin is the admin: prefix (dedicated administrator connection).
	Admin bool
	// Host as written, except that the local spellings ".", "(local)" and ""
	// become "localhost" (Local is then true, as for "localhost" itself).
	Host  string
	Local bool
	// LocalDB is SqlClient's "(localdb)\instance".
	LocalDB bool
	// Instance is the named instance ("" = default instance). Upper/lower
	// case is kept; instance names compare case-insensitively.
	Instance string
	// Port is the explicit TCP port, 0 when absent. With a port the Browser
	// is not asked, even when an instance is given (the port wins).
	Port int
	// Pipe is the pipe path of an np:\\host\pipe\<path> name ("sql\query",
	// "MSSQL$INST\sql\query").
	Pipe string
}

// ParseError is a server name or connection string that cannot be parsed.
type ParseError struct {
	Input string
	Msg   string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("invalid server name or connection string %q: %s", e.Input, e.Msg)
}

// ParseServer parses sqlcmd's -S and SqlClient's Data Source grammar:
//
//	[tcp:|np:|lpc:|sm:|admin:]server[\instance][,port]
//	np:\\host\pipe\<pipe path>
//	(localdb)\instance
//
// server may be a host name, an IP address (IPv6 without brackets, as
// SqlClient wants), ".", "(local)" or empty for the local machine.
// Prefixes are accepted in any letter case.
func ParseServer(s string) (Target, error) {
	in := s
	s = strings.TrimSpace(s)
	var t Target
	for {
		i := strings.IndexByte(s, ':')
		if i <= 0 {
			break
		}
		switch strings.ToLower(s[:i]) {
		case "tcp":
			t.Protocol = ProtoTCP
		case "np":
			t.Protocol = ProtoNamedPipe
		case "lpc", "sm":
			t.Protocol = ProtoSharedMemory
		case "admin":
			if t.Admin {
				return t, &ParseError{in, "admin: given twice"}
			}
			t.Admin = true
			s = strings.TrimSpace(s[i+1:])
			continue
		default:
			i = -1
		}
		if i < 0 {
			break
		}
		s = strings.TrimSpace(s[i+1:])
		break
	}
	if t.Protocol == ProtoNamedPipe && strings.HasPrefix(s, `\\`) {
		return parsePipe(in, s, t)
	}
	if k := strings.LastIndexByte(s, ','); k >= 0 {
		ps := strings.TrimSpace(s[k+1:])
		p, err := strconv.Atoi(ps)
		if err != nil || p < 0 || p > 65535 || ps == "" || ps[0] == '+' || ps[0] == '-' {
			return t, &ParseError{in, fmt.Sprintf("port %q is not a number from 0 to 65535", ps)}
		}
		if t.Protocol == ProtoNamedPipe || t.Protocol == ProtoSharedMemory {
			return t, &ParseError{in, "a port cannot be combined with np: or lpc:"}
		}
		t.Port = p
		s = strings.TrimSpace(s[:k])
	}
	if k := strings.IndexAny(s, `\/`); k >= 0 {
		t.Instance = strings.TrimSpace(s[k+1:])
		s = strings.TrimSpace(s[:k])
		if t.Instance == "" {
			return t, &ParseError{in, "empty instance name"}
		}
		if strings.ContainsAny(t.Instance, `\/,:`) || len(t.Instance) > 255 {
			return t, &ParseError{in, fmt.Sprintf("invalid instance name %q", t.Instance)}
		}
	}
	if err := setHost(&t, s); err != nil {
		return t, &ParseError{in, err.Error()}
	}
	if t.LocalDB && t.Instance == "" {
		return t, &ParseError{in, "(localdb) needs an instance name: (localdb)\\instance"}
	}
	if (t.Protocol == ProtoSharedMemory) && !t.Local {
		// SNI error 41: shared memory only reaches the local machine.
		return t, &ParseError{in, "lpc: (shared memory) can only reach the local machine"}
	}
	return t, nil
}

func setHost(t *Target, h string) error {
	switch strings.ToLower(h) {
	case "", ".", "(local)", "localhost":
		t.Host = "localhost"
		t.Local = true
		return nil
	case "(localdb)":
		t.Host = "localhost"
		t.Local = true
		t.LocalDB = true
		return nil
	}
	if strings.ContainsAny(h, " \t;=\"',\\/{}") {
		return errors.New("invalid host name " + strconv.Quote(h))
	}
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") && len(h) > 2 {
		h = h[1 : len(h)-1] // [IPv6], as URLs write it
	}
	if strings.ContainsAny(h, "[]") {
		return errors.New("invalid host name " + strconv.Quote(h))
	}
	t.Host = h
	t.Local = h == "127.0.0.1" || h == "::1"
	return nil
}

// parsePipe handles np:\\host\pipe\<path>.
func parsePipe(in, s string, t Target) (Target, error) {
	rest := s[2:]
	k := strings.IndexByte(rest, '\\')
	if k <= 0 {
		return t, &ParseError{in, `named pipe must be \\host\pipe\name`}
	}
	host := rest[:k]
	rest = rest[k+1:]
	if len(rest) < 5 || !strings.EqualFold(rest[:5], `pipe\`) || len(rest) == 5 {
		return t, &ParseError{in, `named pipe must be \\host\pipe\name`}
	}
	t.Pipe = rest[5:]
	if err := setHost(&t, host); err != nil {
		return t, &ParseError{in, err.Error()}
	}
	// \\host\pipe\MSSQL$INST\sql\query names a named instance.
	if p := t.Pipe; len(p) > 6 && strings.EqualFold(p[:6], "MSSQL$") {
		if j := strings.IndexByte(p, '\\'); j > 6 {
			t.Instance = p[6:j]
		}
	}
	return t, nil
}

// String renders the canonical form: [admin:][proto:]host[\instance][,port].
func (t Target) String() string {
	var b strings.Builder
	if t.Admin {
		b.WriteString("admin:")
	}
	if t.Protocol != ProtoAny {
		b.WriteString(t.Protocol.String())
		b.WriteByte(':')
	}
	if t.Pipe != "" {
		b.WriteString(`\\` + t.Host + `\pipe\` + t.Pipe)
		return b.String()
	}
	if t.LocalDB {
		b.WriteString("(localdb)")
	} else {
		b.WriteString(t.Host)
	}
	if t.Instance != "" {
		b.WriteByte('\\')
		b.WriteString(t.Instance)
	}
	if t.Port != 0 {
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(t.Port))
	}
	return b.String()
}

// UsesBrowser reports whether resolving the target needs the SQL Server
// Browser (SSRP on UDP 1434): a named instance over TCP without a port.
func (t Target) UsesBrowser() bool {
	return t.Instance != "" && t.Port == 0 && !t.UsesSocket() && !t.LocalDB
}

// UsesSocket reports whether the target asks for the local transport
// (np: or lpc:), which this project carries over a Unix-domain socket.
func (t Target) UsesSocket() bool {
	return t.Protocol == ProtoNamedPipe || t.Protocol == ProtoSharedMemory
}

// TCPAddress is host:port for a TCP dial when the port is known: the
// explicit port, or 1433 for the default instance. ok is false when the
// Browser must be asked first (named instance without a port), and for
// socket targets. For the DAC without a port, 1434 is the default
// instance's first try, as SqlClient does.
func (t Target) TCPAddress() (addr string, ok bool) {
	if t.UsesSocket() {
		return "", false
	}
	port := t.Port
	if port == 0 {
		if t.Instance != "" {
			return "", false
		}
		port = DefaultPort
		if t.Admin {
			port = 1434
		}
	}
	h := t.Host
	if strings.IndexByte(h, ':') >= 0 {
		h = "[" + h + "]"
	}
	return h + ":" + strconv.Itoa(port), true
}
