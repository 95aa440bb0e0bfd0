package tds

// ALL_HEADERS header types [MS-TDS 2.2.5.3].
const (
	HeaderQueryNotifications    uint16 = 0x0001
	HeaderTransactionDescriptor uint16 = 0x0002
	HeaderTraceActivity         uint16 = 0x0003
)

// maxHeaders bounds the number of ALL_HEADERS entries a decoder accepts.
const maxHeaders = 32

// AllHeaders is the ALL_HEADERS prefix of SQL batch, RPC and TM requests
// (TDS 7.2+ only). Unknown header types are skipped.
type AllHeaders struct {
	// TransactionDescriptor is 0 in autocommit mode, otherwise the value
	// the server sent in ENVCHANGE 8.
	TransactionDescriptor   uint64
	OutstandingRequestCount uint32
	HasTransaction          bool

	HasNotification bool
	NotifyID        string
	SSBDeployment   string
	NotifyTimeout   uint32 // 0 when absent
	HasTimeout      bool

	HasTraceActivity bool
	ActivityID       [16]byte
	ActivitySequence uint32
}

// Decode reads ALL_HEADERS at the start of src and returns the bytes
// consumed.
func (h *AllHeaders) Decode(src []byte) (int, error) {
	*h = AllHeaders{}
	c := cursor{b: src}
	total := int(c.u32())
	if c.err != nil {
		return 0, c.err
	}
	if total < 4 || total > len(src) {
		return 0, protoErr("ALL_HEADERS length %d", total)
	}
	c.b = src[:total]
	for i := 0; c.remaining() > 0; i++ {
		if i >= maxHeaders {
			return 0, protoErr("too many ALL_HEADERS entries")
		}
		hl := int(c.u32())
		if c.err != nil {
			return 0, c.err
		}
		if hl < 6 || hl-4 > c.remaining() {
			return 0, protoErr("ALL_HEADERS entry length %d", hl)
		}
		body := cursor{b: c.bytes(hl - 4)}
		typ := body.u16()
		switch typ {
		case HeaderTransactionDescriptor:
			h.TransactionDescriptor = body.u64()
			h.OutstandingRequestCount = body.u32()
			h.HasTransaction = body.err == nil
		case HeaderQueryNotifications:
			h.NotifyID = decodeUTF16(body.bytes(int(body.u16())))
			h.SSBDeployment = decodeUTF16(body.bytes(int(body.u16())))
			if body.remaining() >= 4 {
				h.NotifyTimeout = body.u32()
				h.HasTimeout = true
			}
			h.HasNotification = body.err == nil
		case HeaderTraceActivity:
			copy(h.ActivityID[:], body.bytes(16))
			h.ActivitySequence = body.u32()
			h.HasTraceActivity = body.err == nil
		}
		if body.err != nil {
			return 0, protoErr("ALL_HEADERS entry 0x%04x truncated", typ)
		}
	}
	return total, c.err
}

// Encode appends ALL_HEADERS with the headers marked present. A 7.2+
// client always sends the transaction descriptor header.
func (h *AllHeaders) Encode(dst []byte) []byte {
	start := len(dst)
	dst = appendU32(dst, 0)
	if h.HasNotification {
		at := len(dst)
		dst = appendU32(dst, 0)
		dst = appendU16(dst, HeaderQueryNotifications)
		dst = appendU16(dst, uint16(2*UTF16Len(h.NotifyID)))
		dst = AppendUTF16(dst, h.NotifyID)
		dst = appendU16(dst, uint16(2*UTF16Len(h.SSBDeployment)))
		dst = AppendUTF16(dst, h.SSBDeployment)
		if h.HasTimeout {
			dst = appendU32(dst, h.NotifyTimeout)
		}
		putU32(dst[at:], uint32(len(dst)-at))
	}
	if h.HasTransaction {
		dst = appendU32(dst, 18)
		dst = appendU16(dst, HeaderTransactionDescriptor)
		dst = appendU64(dst, h.TransactionDescriptor)
		dst = appendU32(dst, h.OutstandingRequestCount)
	}
	if h.HasTraceActivity {
		dst = appendU32(dst, 26)
		dst = appendU16(dst, HeaderTraceActivity)
		dst = append(dst, h.ActivityID[:]...)
		dst = appendU32(dst, h.ActivitySequence)
	}
	putU32(dst[start:], uint32(len(dst)-start))
	return dst
}

// decodeHeaders reads ALL_HEADERS when the version has them (7.2+).
func decodeHeaders(h *AllHeaders, src []byte, v Version) (int, error) {
	if !v.Is72() {
		*h = AllHeaders{}
		return 0, nil
	}
	return h.Decode(src)
}
