package tds

import "fmt"

// Version is a TDS protocol version as LOGINACK carries it (big-endian on
// the wire there, little-endian in LOGIN7). It selects the token dialect:
// 7.1 uses narrower DONE counts, line numbers and UserType, and no
// ALL_HEADERS, PLP, date/time types or NBCROW.
type Version uint32

// Known TDS versions [MS-TDS 2.2.6.4, App. A <69>].
const (
	Version70  Version = 0x70000000
	Version71  Version = 0x71000000
	Version71A Version = 0x71000001 // what jTDS sends ("TDS 8.0" in its naming)
	Version72  Version = 0x72090002
	Version73A Version = 0x730A0003
	Version73B Version = 0x730B0003
	Version74  Version = 0x74000004
	// Version80 is TDS 8 (strict encryption). It compares numerically lower
	// than 7.x, so never compare Versions with < directly: use the methods.
	Version80 Version = 0x08000000
)

// rank orders versions: TDS 8 above every 7.x.
func (v Version) rank() uint32 {
	if v>>24 == 0x08 {
		return 0x80000000 | uint32(v)&0xFFFFFF
	}
	return uint32(v)
}

// AtLeast reports whether v is o or newer.
func (v Version) AtLeast(o Version) bool { return v.rank() >= o.rank() }

// Is72 reports 7.2 or newer: ALL_HEADERS, 8-byte DONE counts, LONG line
// numbers, ULONG UserType, PLP (max) types, transaction ENVCHANGEs.
func (v Version) Is72() bool { return v.AtLeast(Version72) }

// HasDateTime reports 7.3 or newer: date, time, datetime2, datetimeoffset.
func (v Version) HasDateTime() bool { return v.AtLeast(Version73A) }

// HasNBCRow reports 7.3.B or newer (NBCROW allowed).
func (v Version) HasNBCRow() bool { return v.AtLeast(Version73B) }

// Negotiate returns the version a server supporting up to max answers a
// client that sent client in LOGIN7: the lower of the two, rounded to a
// version clients know. TDS 8 clients get 7.4 (go-mssqldb compares the
// LOGINACK version numerically and would treat 0x08000000 as older than 7.3).
func Negotiate(client, max Version) Version {
	c := client
	if c>>24 == 0x08 {
		c = Version74
	}
	if c.rank() > max.rank() {
		c = max
	}
	switch {
	case c.AtLeast(Version74):
		return Version74
	case c.AtLeast(Version73B):
		return Version73B
	case c.AtLeast(Version73A):
		return Version73A
	case c.AtLeast(Version72):
		return Version72
	case c.AtLeast(Version71):
		return Version71A
	}
	return c
}

func (v Version) String() string {
	switch v {
	case Version70:
		return "7.0"
	case Version71, Version71A:
		return "7.1"
	case Version72:
		return "7.2"
	case Version73A:
		return "7.3.A"
	case Version73B:
		return "7.3.B"
	case Version74:
		return "7.4"
	case Version80:
		return "8.0"
	}
	return fmt.Sprintf("0x%08X", uint32(v))
}
