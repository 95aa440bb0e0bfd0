package browser

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// SSRP message types ([MC-SQLR] 2.2).
const (
	ClntBcastEx   byte = 0x02 // all instances, broadcast
	ClntUcastEx   byte = 0x03 // all instances, unicast
	ClntUcastInst byte = 0x04 // one instance: 0x04, name, 0x00
	SvrResp       byte = 0x05 // 0x05, RESP_SIZE (u16 LE), RESP_DATA
	ClntUcastDAC  byte = 0x0F // 0x0F, 0x01, name, 0x00
)

// Size limits ([MC-SQLR] 2.2.1–2.2.5).
const (
	MaxInstanceNameRequest = 32    // CLNT_UCAST_INST / DAC instance name bytes
	MaxRecordData          = 1024  // RESP_DATA of one instance (0x04 reply)
	MaxAllData             = 65535 // RESP_DATA of 0x02/0x03 replies (u16)
	DefaultPort            = 1434
	dacProtocolVersion     = 0x01
)

// Record is one instance in a SVR_RESP.
type Record struct {
	ServerName   string
	InstanceName string
	IsClustered  bool
	Version      string
	// TCPPort is 0 when the instance has no TCP endpoint.
	TCPPort int
	// Pipe is the named-pipe path ("" = none; tsqld has none).
	Pipe string
	// Other holds further protocol tokens (via, rpc, spx, adsp, bv) as read.
	Other [][2]string
}

// Request is a decoded client message.
type Request struct {
	Type     byte
	Instance string // for 0x04 and 0x0F
}

// EncodeRequest builds a client message.
func EncodeRequest(r Request) ([]byte, error) {
	switch r.Type {
	case ClntBcastEx, ClntUcastEx:
		return []byte{r.Type}, nil
	case ClntUcastInst:
		if len(r.Instance) > MaxInstanceNameRequest {
			return nil, fmt.Errorf("ssrp: instance name longer than %d bytes", MaxInstanceNameRequest)
		}
		b := append([]byte{ClntUcastInst}, r.Instance...)
		return append(b, 0), nil
	case ClntUcastDAC:
		if len(r.Instance) > MaxInstanceNameRequest {
			return nil, fmt.Errorf("ssrp: instance name longer than %d bytes", MaxInstanceNameRequest)
		}
		b := append([]byte{ClntUcastDAC, dacProtocolVersion}, r.Instance...)
		return append(b, 0), nil
	}
	return nil, fmt.Errorf("ssrp: not a request type 0x%02X", r.Type)
}

// ParseRequest decodes a client message. Clients differ on the trailing
// 0x00 (go-mssqldb sizes its DAC buffer so the terminator is implicit), so
// a missing terminator is accepted; bytes after it are ignored.
func ParseRequest(b []byte) (Request, error) {
	if len(b) == 0 {
		return Request{}, errors.New("ssrp: empty request")
	}
	r := Request{Type: b[0]}
	name := func(rest []byte) (string, error) {
		if i := indexZero(rest); i >= 0 {
			rest = rest[:i]
		}
		if len(rest) == 0 || len(rest) > MaxInstanceNameRequest {
			return "", fmt.Errorf("ssrp: bad instance name length %d", len(rest))
		}
		return string(rest), nil
	}
	var err error
	switch r.Type {
	case ClntBcastEx, ClntUcastEx:
		// The spec says exactly one byte; tolerate padding.
	case ClntUcastInst:
		r.Instance, err = name(b[1:])
	case ClntUcastDAC:
		if len(b) < 2 || b[1] != dacProtocolVersion {
			return r, errors.New("ssrp: CLNT_UCAST_DAC with an unknown protocol version")
		}
		r.Instance, err = name(b[2:])
	default:
		return r, fmt.Errorf("ssrp: unknown request type 0x%02X", r.Type)
	}
	return r, err
}

func indexZero(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -1
}

// Encodable reports whether r can be sent: the required fields must be
// non-empty and no value may contain ';' (an empty value would read as
// the ";;" terminator).
func (r Record) Encodable() bool {
	if r.ServerName == "" || r.InstanceName == "" || r.Version == "" {
		return false
	}
	for _, v := range []string{r.ServerName, r.InstanceName, r.Version, r.Pipe} {
		if strings.ContainsRune(v, ';') {
			return false
		}
	}
	for _, o := range r.Other {
		if o[0] == "" || o[1] == "" || strings.ContainsRune(o[0]+o[1], ';') {
			return false
		}
	}
	return true
}

// AppendRecord appends r's RESP_DATA text
// ("ServerName;H;InstanceName;I;IsClustered;No;Version;V;tcp;1433;;").
// A protocol whose token would push the record past 1,024 bytes is
// skipped, as [MC-SQLR] 3.2.5.1 specifies.
func AppendRecord(dst []byte, r Record) []byte {
	start := len(dst)
	clustered := "No"
	if r.IsClustered {
		clustered = "Yes"
	}
	dst = append(dst, "ServerName;"...)
	dst = append(dst, r.ServerName...)
	dst = append(dst, ";InstanceName;"...)
	dst = append(dst, r.InstanceName...)
	dst = append(dst, ";IsClustered;"...)
	dst = append(dst, clustered...)
	dst = append(dst, ";Version;"...)
	dst = append(dst, r.Version...)
	add := func(proto, val string) {
		// ";" + proto + ";" + val, and the final ";;" must still fit.
		if len(dst)-start+2+len(proto)+len(val)+2 > MaxRecordData {
			return
		}
		dst = append(dst, ';')
		dst = append(dst, proto...)
		dst = append(dst, ';')
		dst = append(dst, val...)
	}
	if r.Pipe != "" {
		add("np", r.Pipe)
	}
	if r.TCPPort > 0 {
		add("tcp", strconv.Itoa(r.TCPPort))
	}
	for _, o := range r.Other {
		add(o[0], o[1])
	}
	return append(dst, ";;"...)
}

// EncodeResponse frames RESP_DATA as a SVR_RESP.
func EncodeResponse(dst, data []byte) ([]byte, error) {
	if len(data) > MaxAllData {
		return nil, fmt.Errorf("ssrp: response data of %d bytes exceeds %d", len(data), MaxAllData)
	}
	dst = append(dst, SvrResp, 0, 0)
	binary.LittleEndian.PutUint16(dst[len(dst)-2:], uint16(len(data)))
	return append(dst, data...), nil
}

// EncodeDACResponse is the 6-byte SVR_RESP (DAC): 0x05, 0x0006, 0x01, port.
func EncodeDACResponse(port int) []byte {
	b := []byte{SvrResp, 0x06, 0x00, dacProtocolVersion, 0, 0}
	binary.LittleEndian.PutUint16(b[4:], uint16(port))
	return b
}

// ParseDACResponse decodes a DAC reply into its port.
func ParseDACResponse(b []byte) (int, error) {
	if len(b) != 6 || b[0] != SvrResp || binary.LittleEndian.Uint16(b[1:3]) != 6 || b[3] != dacProtocolVersion {
		return 0, errors.New("ssrp: malformed DAC response")
	}
	port := int(binary.LittleEndian.Uint16(b[4:]))
	if port == 0 {
		return 0, errors.New("ssrp: DAC response with port 0")
	}
	return port, nil
}

// ParseResponse decodes a SVR_RESP into its records.
func ParseResponse(b []byte) ([]Record, error) {
	if len(b) < 3 || b[0] != SvrResp {
		return nil, errors.New("ssrp: not a SVR_RESP")
	}
	n := int(binary.LittleEndian.Uint16(b[1:3]))
	if n > len(b)-3 {
		return nil, fmt.Errorf("ssrp: RESP_SIZE %d but %d bytes follow", n, len(b)-3)
	}
	return ParseRecords(string(b[3 : 3+n]))
}

// ParseRecords splits RESP_DATA text into records (each ends with ";;").
func ParseRecords(data string) ([]Record, error) {
	var out []Record
	for data != "" {
		end := strings.Index(data, ";;")
		if end < 0 {
			return out, errors.New("ssrp: record without ';;' terminator")
		}
		toks := strings.Split(data[:end], ";")
		data = data[end+2:]
		if len(toks)%2 != 0 {
			return out, fmt.Errorf("ssrp: odd number of tokens in record %q", strings.Join(toks, ";"))
		}
		var r Record
		for i := 0; i < len(toks); i += 2 {
			k, v := toks[i], toks[i+1]
			if k == "" {
				return out, errors.New("ssrp: empty token name in record")
			}
			switch strings.ToLower(k) {
			case "servername":
				r.ServerName = v
			case "instancename":
				r.InstanceName = v
			case "isclustered":
				r.IsClustered = strings.EqualFold(v, "Yes")
			case "version":
				r.Version = v
			case "tcp":
				p, err := strconv.Atoi(v)
				if err != nil || p <= 0 || p > 65535 {
					return out, fmt.Errorf("ssrp: bad tcp port %q", v)
				}
				r.TCPPort = p
			case "np":
				r.Pipe = v
			default:
				r.Other = append(r.Other, [2]string{k, v})
			}
		}
		if r.ServerName == "" || r.InstanceName == "" || r.Version == "" {
			return out, errors.New("ssrp: record without ServerName, InstanceName or Version")
		}
		out = append(out, r)
	}
	return out, nil
}
