package result

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// Column describes one result column (COLMETADATA entry).
type Column struct {
	Name     string
	Type     types.Type
	Nullable bool
	Identity bool
	// Updatable, computed etc. flags can be added as clients need them.
}

// Command identifies the statement kind for DONE's CurCmd.
type Command uint16

const (
	CmdNone     Command = 0
	CmdSet      Command = 0xB9
	CmdSelect   Command = 0xC1
	CmdInsert   Command = 0xC3
	CmdDelete   Command = 0xC4
	CmdUpdate   Command = 0xC5
	CmdAbort    Command = 0xD2
	CmdBeginTx  Command = 0xD4
	CmdEndTx    Command = 0xD5
	CmdRPC      Command = 0xE0
	CmdBulk     Command = 0xF0
	CmdMerge    Command = 0x117
	CmdDDL      Command = 0xC6 // CREATE/DROP/ALTER …
	CmdDeclare  Command = 0xA9
	CmdExecute  Command = 0xE0
	CmdCondExec Command = 0xF9
)

// Done ends one statement. The presenter decides MORE/final bits: the engine
// only says what happened.
type Done struct {
	Cmd      Command
	Count    int64
	HasCount bool // rows affected/returned is meaningful (not under NOCOUNT)
	Error    bool // the statement failed
	InProc   bool // statement ran inside a procedure/sp_executesql (DONEINPROC)
}

// EnvType matches TDS ENVCHANGE types so the server can map 1:1.
type EnvType uint8

const (
	EnvDatabase     EnvType = 1
	EnvLanguage     EnvType = 2
	EnvPacketSize   EnvType = 4
	EnvCollation    EnvType = 7
	EnvBeginTran    EnvType = 8
	EnvCommitTran   EnvType = 9
	EnvRollbackTran EnvType = 10
	EnvTranEnded    EnvType = 17
	EnvResetAck     EnvType = 18
)

// EnvChange reports a session environment change.
type EnvChange struct {
	Type EnvType
	// New/Old for string-valued changes (database, language).
	New, Old string
	// Descriptor for transaction changes (8 bytes on the wire).
	Descriptor uint64
	// Collation for EnvCollation.
	Collation types.Collation
}

// ReturnValue is an OUTPUT parameter value (RETURNVALUE token).
type ReturnValue struct {
	Ordinal int
	Name    string // with the leading '@'
	Type    types.Type
	Value   types.Value
	UDF     bool // status 2: value of a UDF return rather than an output param
}

// Writer receives results in order. Every method may return an error (the
// client went away, attention); the engine stops the batch when it does.
type Writer interface {
	Columns(cols []Column) error
	// Row receives one row; the slice is only valid during the call.
	Row(row []types.Value) error
	Done(d Done) error
	// Message sends an informational message (Severity <= 10) or an error.
	Message(m *msgs.Error) error
	EnvChange(e EnvChange) error
	ReturnStatus(status int32) error
	ReturnValue(rv ReturnValue) error
}
