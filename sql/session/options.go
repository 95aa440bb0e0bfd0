package session

import "strings"

// Flag is one boolean SET option; the bit values are @@OPTIONS' bits so
// @@OPTIONS is just the mask.
type Flag uint32

const (
	DisableDefCnstChk    Flag = 1
	ImplicitTransactions Flag = 2
	CursorCloseOnCommit  Flag = 4
	AnsiWarnings         Flag = 8
	AnsiPadding          Flag = 16
	AnsiNulls            Flag = 32
	ArithAbort           Flag = 64
	ArithIgnore          Flag = 128
	QuotedIdentifier     Flag = 256
	NoCount              Flag = 512
	AnsiNullDfltOn       Flag = 1024
	AnsiNullDfltOff      Flag = 2048
	ConcatNullYieldsNull Flag = 4096
	NumericRoundAbort    Flag = 8192
	XactAbort            Flag = 16384
)

var flagNames = map[string]Flag{
	"IMPLICIT_TRANSACTIONS":   ImplicitTransactions,
	"CURSOR_CLOSE_ON_COMMIT":  CursorCloseOnCommit,
	"ANSI_WARNINGS":           AnsiWarnings,
	"ANSI_PADDING":            AnsiPadding,
	"ANSI_NULLS":              AnsiNulls,
	"ARITHABORT":              ArithAbort,
	"ARITHIGNORE":             ArithIgnore,
	"QUOTED_IDENTIFIER":       QuotedIdentifier,
	"NOCOUNT":                 NoCount,
	"ANSI_NULL_DFLT_ON":       AnsiNullDfltOn,
	"ANSI_NULL_DFLT_OFF":      AnsiNullDfltOff,
	"CONCAT_NULL_YIELDS_NULL": ConcatNullYieldsNull,
	"NUMERIC_ROUNDABORT":      NumericRoundAbort,
	"XACT_ABORT":              XactAbort,
	"DISABLE_DEF_CNST_CHK":    DisableDefCnstChk,
}

// LookupFlag maps a SET option name to its flag.
func LookupFlag(name string) (Flag, bool) {
	f, ok := flagNames[strings.ToUpper(name)]
	return f, ok
}

// Isolation is the session's transaction isolation level (DBCC USEROPTIONS
// numbering, which is also TDS's).
type Isolation uint8

const (
	ReadUncommitted Isolation = 1
	ReadCommitted   Isolation = 2
	RepeatableRead  Isolation = 3
	Serializable    Isolation = 4
	Snapshot        Isolation = 5
)

// Options is the SET state of a session.
type Options struct {
	Flags       Flag
	DateFirst   uint8  // 1..7, 7 = Sunday (us_english)
	DateFormat  string // mdy
	Language    string
	LockTimeout int32 // ms, -1 = wait forever
	TextSize    int32
	RowCount    int64 // SET ROWCOUNT, 0 = unlimited
	Isolation   Isolation
	DeadlockPri int32
}

// Defaults returns the options a plain session starts with. odbc selects
// what ODBC/OLE DB drivers (and therefore most clients) establish at login:
// ANSI_* ON, QUOTED_IDENTIFIER ON, CONCAT_NULL_YIELDS_NULL ON.
func Defaults(odbc bool) Options {
	o := Options{
		Flags:       ArithAbort | ConcatNullYieldsNull | AnsiNulls | AnsiPadding | AnsiWarnings | QuotedIdentifier | AnsiNullDfltOn,
		DateFirst:   7,
		DateFormat:  "mdy",
		Language:    "us_english",
		LockTimeout: -1,
		TextSize:    2147483647,
		Isolation:   ReadCommitted,
	}
	if !odbc {
		// DB-Library style clients get the historical defaults: ANSI
		// options and QUOTED_IDENTIFIER OFF.
		o.Flags &^= AnsiNulls | AnsiPadding | AnsiWarnings | QuotedIdentifier | AnsiNullDfltOn
	}
	return o
}

// Has reports whether f is ON.
func (o *Options) Has(f Flag) bool { return o.Flags&f != 0 }

// Set turns f on or off. ANSI_NULL_DFLT_ON and _OFF are mutually exclusive.
func (o *Options) Set(f Flag, on bool) {
	if on {
		o.Flags |= f
		switch f {
		case AnsiNullDfltOn:
			o.Flags &^= AnsiNullDfltOff
		case AnsiNullDfltOff:
			o.Flags &^= AnsiNullDfltOn
		}
	} else {
		o.Flags &^= f
	}
}

// PlanKey is the part of the options that changes how a batch binds or
// plans (ANSI_NULLS, QUOTED_IDENTIFIER, CONCAT_NULL…, DATEFIRST/FORMAT,
// language); it goes into the plan-cache key.
func (o *Options) PlanKey() uint64 {
	return uint64(o.Flags)<<16 | uint64(o.DateFirst)<<8 | uint64(len(o.DateFormat))
}
