package tds

// Well-known procedure ids (RPC with ProcIDSwitch 0xFFFF) [MS-TDS 2.2.6.6].
const (
	ProcCursor          uint16 = 1
	ProcCursorOpen      uint16 = 2
	ProcCursorPrepare   uint16 = 3
	ProcCursorExecute   uint16 = 4
	ProcCursorPrepExec  uint16 = 5
	ProcCursorUnprepare uint16 = 6
	ProcCursorFetch     uint16 = 7
	ProcCursorOption    uint16 = 8
	ProcCursorClose     uint16 = 9
	ProcExecuteSQL      uint16 = 10
	ProcPrepare         uint16 = 11
	ProcExecute         uint16 = 12
	ProcPrepExec        uint16 = 13
	ProcPrepExecRPC     uint16 = 14
	ProcUnprepare       uint16 = 15
)

// ProcIDName returns the procedure name of a well-known ProcID ("" when
// unknown).
func ProcIDName(id uint16) string {
	switch id {
	case ProcCursor:
		return "sp_cursor"
	case ProcCursorOpen:
		return "sp_cursoropen"
	case ProcCursorPrepare:
		return "sp_cursorprepare"
	case ProcCursorExecute:
		return "sp_cursorexecute"
	case ProcCursorPrepExec:
		return "sp_cursorprepexec"
	case ProcCursorUnprepare:
		return "sp_cursorunprepare"
	case ProcCursorFetch:
		return "sp_cursorfetch"
	case ProcCursorOption:
		return "sp_cursoroption"
	case ProcCursorClose:
		return "sp_cursorclose"
	case ProcExecuteSQL:
		return "sp_executesql"
	case ProcPrepare:
		return "sp_prepare"
	case ProcExecute:
		return "sp_execute"
	case ProcPrepExec:
		return "sp_prepexec"
	case ProcPrepExecRPC:
		return "sp_prepexecrpc"
	case ProcUnprepare:
		return "sp_unprepare"
	}
	return ""
}

// RPC option flags and parameter status flags.
const (
	RPCWithRecompile uint16 = 0x0001
	RPCNoMetadata    uint16 = 0x0002
	RPCReuseMetadata uint16 = 0x0004
	ParamByRef       uint8  = 0x01 // OUTPUT parameter
	ParamDefault     uint8  = 0x02 // use the default value
	ParamEncrypted   uint8  = 0x08
	procIDSwitch     uint16 = 0xFFFF
	rpcBatchFlag     uint8  = 0xFF
	rpcNoExecFlag    uint8  = 0xFE
	rpcBatchFlag71   uint8  = 0x80
	maxRPCParams            = 2100 // SQL Server's limit on parameters
	maxRPCCalls             = 1 << 16
)

// RPCParam is one RPC parameter.
type RPCParam struct {
	Name     string // with its '@', or empty for positional parameters
	Status   uint8
	TypeInfo TypeInfo
	// Value is the raw value without its length prefix (see ReadValue and
	// the Decode* value functions); it aliases the message or a buffer of
	// the RPCRequest and is valid until the next Decode.
	Value []byte
	Null  bool
	// TVP is set for a table-valued parameter (TypeInfo.Type == TypeTVP);
	// Value is then nil.
	TVP *TVP
}

// Output reports an OUTPUT (by-reference) parameter.
func (p *RPCParam) Output() bool { return p.Status&ParamByRef != 0 }

// UseDefault reports a parameter that asks for its default value.
func (p *RPCParam) UseDefault() bool { return p.Status&ParamDefault != 0 }

// RPCCall is one procedure call of an RPC request.
type RPCCall struct {
	// ProcID is the well-known procedure id, or 0 when ProcName is set.
	ProcID   uint16
	ProcName string
	Options  uint16
	Params   []RPCParam
	// Separator is the flag byte that preceded this call: 0 for the first
	// call, 0xFF (0x80 before 7.2) for a batch flag, 0xFE for NoExec.
	Separator uint8
}

// Name returns ProcName, or the name of the well-known ProcID.
func (c *RPCCall) Name() string {
	if c.ProcName != "" || c.ProcID == 0 {
		return c.ProcName
	}
	return ProcIDName(c.ProcID)
}

// RPCRequest is an RPC request message (packet type 0x03): ALL_HEADERS
// (7.2+) then one or more calls separated by batch flags.
type RPCRequest struct {
	Headers AllHeaders
	Calls   []RPCCall
	scratch []byte
}

// Decode parses an RPC payload for the negotiated version. The decoded
// request reuses its slices across calls.
func (r *RPCRequest) Decode(src []byte, v Version) error {
	n, err := decodeHeaders(&r.Headers, src, v)
	if err != nil {
		return err
	}
	r.Calls = r.Calls[:0]
	r.scratch = r.scratch[:0]
	c := cursor{b: src, off: n}
	sep := uint8(0)
	for c.remaining() > 0 {
		if len(r.Calls) >= maxRPCCalls {
			return protoErr("too many RPC calls in one request")
		}
		var call *RPCCall
		if len(r.Calls) < cap(r.Calls) {
			r.Calls = r.Calls[:len(r.Calls)+1]
			call = &r.Calls[len(r.Calls)-1]
			*call = RPCCall{Params: call.Params[:0]}
		} else {
			r.Calls = append(r.Calls, RPCCall{})
			call = &r.Calls[len(r.Calls)-1]
		}
		call.Separator = sep
		r.decodeCall(&c, v, call)
		if c.err != nil {
			return c.err
		}
		if c.remaining() == 0 {
			break
		}
		sep = c.u8()
		if !isRPCSeparator(sep, v) {
			return protoErr("unexpected byte 0x%02x after RPC parameters", sep)
		}
	}
	if len(r.Calls) == 0 {
		return protoErr("RPC request without a procedure")
	}
	return c.err
}

func isRPCSeparator(b uint8, v Version) bool {
	if b == rpcNoExecFlag {
		return true
	}
	if v.Is72() {
		return b == rpcBatchFlag
	}
	return b == rpcBatchFlag71 || b == rpcBatchFlag
}

func (r *RPCRequest) decodeCall(c *cursor, v Version, call *RPCCall) {
	nameLen := c.u16()
	if nameLen == procIDSwitch {
		call.ProcID = c.u16()
	} else {
		call.ProcName = decodeUTF16(c.bytes(2 * int(nameLen)))
	}
	call.Options = c.u16()
	for c.err == nil && c.remaining() > 0 {
		if isRPCSeparator(c.b[c.off], v) {
			return
		}
		if len(call.Params) >= maxRPCParams {
			c.fail(protoErr("more than %d RPC parameters", maxRPCParams))
			return
		}
		var p RPCParam
		p.Name = c.bVarChar()
		p.Status = c.u8()
		if c.err != nil {
			return
		}
		if p.Status&ParamEncrypted != 0 {
			c.fail(protoErr("encrypted RPC parameters are not supported"))
			return
		}
		if c.remaining() > 0 && c.b[c.off] == TypeTVP {
			c.off++
			p.TypeInfo = TypeInfo{Type: TypeTVP}
			p.TVP = new(TVP)
			r.scratch = decodeTVP(c, p.TVP, r.scratch)
			p.Null = p.TVP.Null
			call.Params = append(call.Params, p)
			continue
		}
		if c.remaining() > 0 && c.b[c.off] == TypeUDT {
			p.TypeInfo = decodeUDTParamInfo(c) // udt_rpc.go
		} else {
			p.TypeInfo.decode(c)
		}
		if c.err != nil {
			return
		}
		p.Value, p.Null, r.scratch = readValue(c, &p.TypeInfo, false, r.scratch)
		call.Params = append(call.Params, p)
	}
}

// Encode appends an RPC payload. Parameter values are framed from their
// raw bytes (PLP as one chunk).
func (r *RPCRequest) Encode(dst []byte, v Version) []byte {
	if v.Is72() {
		dst = r.Headers.Encode(dst)
	}
	for i := range r.Calls {
		call := &r.Calls[i]
		if i > 0 {
			sep := call.Separator
			if sep == 0 {
				sep = rpcBatchFlag
				if !v.Is72() {
					sep = rpcBatchFlag71
				}
			}
			dst = append(dst, sep)
		}
		if call.ProcName == "" {
			dst = appendU16(dst, procIDSwitch)
			dst = appendU16(dst, call.ProcID)
		} else {
			dst, _ = appendUSVarCharLimit(dst, call.ProcName, 0xFFFE)
		}
		dst = appendU16(dst, call.Options)
		for j := range call.Params {
			p := &call.Params[j]
			dst = AppendBVarChar(dst, p.Name)
			dst = append(dst, p.Status)
			if p.TVP != nil {
				dst = AppendTVP(dst, p.TVP)
				continue
			}
			if p.TypeInfo.Type == TypeUDT {
				dst = appendUDTParamInfo(dst, &p.TypeInfo)
			} else {
				dst = p.TypeInfo.Encode(dst)
			}
			dst = AppendRawValue(dst, &p.TypeInfo, p.Value, p.Null || p.TypeInfo.Type == TypeNull, false)
		}
	}
	return dst
}
