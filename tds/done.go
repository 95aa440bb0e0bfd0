package tds

// DONE status bits [MS-TDS 2.2.7.6].
const (
	DoneFinal    uint16 = 0x0000
	DoneMore     uint16 = 0x0001
	DoneError    uint16 = 0x0002
	DoneInXact   uint16 = 0x0004
	DoneCount    uint16 = 0x0010
	DoneAttn     uint16 = 0x0020
	DoneSrvError uint16 = 0x0100
)

// CurCmd values clients look at (SqlClient counts RecordsAffected only when
// CurCmd is not CmdSelect).
const (
	CmdSelect     uint16 = 0xC1
	CmdInsert     uint16 = 0xC3
	CmdDelete     uint16 = 0xC4
	CmdUpdate     uint16 = 0xC5
	CmdAbort      uint16 = 0xD2
	CmdBeginXact  uint16 = 0xD4
	CmdEndXact    uint16 = 0xD5
	CmdRPC        uint16 = 0xE0
	CmdBulkInsert uint16 = 0xF0
	CmdOpenCursor uint16 = 0x20
	CmdMerge      uint16 = 0x117
	CmdSet        uint16 = 0xB9
)

// Done is a DONE (0xFD), DONEPROC (0xFE) or DONEINPROC (0xFF) token.
type Done struct {
	Token    uint8 // TokenDone, TokenDoneProc or TokenDoneInProc
	Status   uint16
	CurCmd   uint16
	RowCount uint64
}

// AppendDone appends a DONE-family token; the row count is 8 bytes for
// 7.2+ and 4 bytes before.
func AppendDone(dst []byte, v Version, token uint8, status, curCmd uint16, rowCount uint64) []byte {
	dst = append(dst, token)
	dst = appendU16(dst, status)
	dst = appendU16(dst, curCmd)
	if v.Is72() {
		return appendU64(dst, rowCount)
	}
	return appendU32(dst, uint32(rowCount))
}

// Encode appends the token.
func (d *Done) Encode(dst []byte, v Version) []byte {
	tok := d.Token
	if tok == 0 {
		tok = TokenDone
	}
	return AppendDone(dst, v, tok, d.Status, d.CurCmd, d.RowCount)
}

// Decode reads the token at src[0] and returns the bytes consumed.
func (d *Done) Decode(src []byte, v Version) (int, error) {
	tok, err := tokenHeader(src, TokenDone, TokenDoneProc, TokenDoneInProc)
	if err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	d.Token = tok
	d.Status = c.u16()
	d.CurCmd = c.u16()
	if v.Is72() {
		d.RowCount = c.u64()
	} else {
		d.RowCount = uint64(c.u32())
	}
	return c.off, c.err
}
