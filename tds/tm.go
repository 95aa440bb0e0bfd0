package tds

// Transaction manager request types [MS-TDS 2.2.6.9].
const (
	TMGetDTCAddress uint16 = 0
	TMPropagateXact uint16 = 1
	TMBeginXact     uint16 = 5
	TMPromoteXact   uint16 = 6
	TMCommitXact    uint16 = 7
	TMRollbackXact  uint16 = 8
	TMSaveXact      uint16 = 9
)

// Isolation levels of TM_BEGIN_XACT.
const (
	IsolationNoChange        uint8 = 0
	IsolationReadUncommitted uint8 = 1
	IsolationReadCommitted   uint8 = 2
	IsolationRepeatableRead  uint8 = 3
	IsolationSerializable    uint8 = 4
	IsolationSnapshot        uint8 = 5
)

// TMBeginXactFlag in commit/rollback flags starts a new transaction right
// after (FreeTDS' commit-and-begin).
const TMBeginXactFlag uint8 = 0x01

// TMRequest is a transaction manager request (packet type 0x0E).
type TMRequest struct {
	Headers AllHeaders
	Type    uint16
	// Isolation is the level of TM_BEGIN_XACT.
	Isolation uint8
	// Name is the transaction name (begin, commit, rollback) or savepoint
	// name (save). On the wire it is a B_VARBYTE: a byte count of UTF-16.
	Name string
	// Flags, NewIsolation and NewName are the commit/rollback options:
	// with TMBeginXactFlag a new transaction begins at NewIsolation.
	Flags        uint8
	NewIsolation uint8
	NewName      string
	// Payload is the US_VARBYTE of TM_GET_DTC_ADDRESS / TM_PROPAGATE_XACT
	// (aliases the source).
	Payload []byte
}

// BeginXact reports a commit/rollback that also begins a transaction.
func (t *TMRequest) BeginXact() bool { return t.Flags&TMBeginXactFlag != 0 }

// Decode parses a TM request payload.
func (t *TMRequest) Decode(src []byte, v Version) error {
	*t = TMRequest{}
	n, err := decodeHeaders(&t.Headers, src, v)
	if err != nil {
		return err
	}
	c := cursor{b: src, off: n}
	t.Type = c.u16()
	if c.err != nil {
		return c.err
	}
	name := func() string { return decodeUTF16(c.bVarByte()) }
	switch t.Type {
	case TMBeginXact:
		t.Isolation = c.u8()
		if c.remaining() > 0 {
			t.Name = name()
		}
	case TMCommitXact, TMRollbackXact:
		if c.remaining() > 0 {
			t.Name = name()
		}
		if c.remaining() > 0 {
			t.Flags = c.u8()
			if t.BeginXact() {
				t.NewIsolation = c.u8()
				if c.remaining() > 0 {
					t.NewName = name()
				}
			}
		}
	case TMSaveXact:
		t.Name = name()
	case TMGetDTCAddress, TMPropagateXact:
		if c.remaining() > 0 {
			t.Payload = c.bytes(int(c.u16()))
		}
	case TMPromoteXact:
	default:
		return protoErr("transaction manager request type %d", t.Type)
	}
	if t.Isolation > IsolationSnapshot || t.NewIsolation > IsolationSnapshot {
		return protoErr("isolation level %d", max(t.Isolation, t.NewIsolation))
	}
	return c.err
}

// Encode appends a TM request payload.
func (t *TMRequest) Encode(dst []byte, v Version) []byte {
	if v.Is72() {
		dst = t.Headers.Encode(dst)
	}
	dst = appendU16(dst, t.Type)
	name := func(dst []byte, s string) []byte {
		at := len(dst)
		dst = append(dst, 0)
		dst, n := appendUTF16Limit(dst, s, 127)
		dst[at] = byte(2 * n)
		return dst
	}
	switch t.Type {
	case TMBeginXact:
		dst = append(dst, t.Isolation)
		dst = name(dst, t.Name)
	case TMCommitXact, TMRollbackXact:
		dst = name(dst, t.Name)
		dst = append(dst, t.Flags)
		if t.BeginXact() {
			dst = append(dst, t.NewIsolation)
			dst = name(dst, t.NewName)
		}
	case TMSaveXact:
		dst = name(dst, t.Name)
	case TMGetDTCAddress, TMPropagateXact:
		dst = appendU16(dst, uint16(len(t.Payload)))
		dst = append(dst, t.Payload...)
	}
	return dst
}
