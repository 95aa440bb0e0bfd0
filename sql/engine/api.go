package engine

import (
	"context"
	"time"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// Config opens an Engine.
type Config struct {
	// DataDir is where durable storage lives; empty means in-memory.
	DataDir string
	// InMemory forces the mem backend even when DataDir is set.
	InMemory bool
	// ServerName is @@SERVERNAME; InstanceName is @@SERVICENAME.
	ServerName   string
	InstanceName string
	// SAPassword sets the sa password when the master database is created
	// (first start) or when non-empty and ResetSA is set.
	SAPassword string
	ResetSA    bool
	// Edition (MSSQL_PID) e.g. "Developer".
	Edition string
	// Collation is the server default collation name.
	Collation string
	// Storage, when set, is used as the main store instead of opening one
	// from DataDir (tests and embedders); TempStorage likewise for tempdb
	// (default: a fresh in-memory store). The Engine closes them.
	Storage     storage.Engine
	TempStorage storage.Engine
	// ReadErrorLog, when set, serves sp_readerrorlog / xp_readerrorlog:
	// archive 0 is the current log, search1/search2 filter rows
	// (case-insensitive, both must match). The service passes its error
	// log reader here (sql/ must not import service).
	ReadErrorLog func(archive int, search1, search2 string) ([]ErrorLogRow, error)
	// CycleErrorLog, when set, serves sp_cycle_errorlog.
	CycleErrorLog func() error
	// WriteErrorLog, when set, receives the messages RAISERROR … WITH LOG
	// writes to the error log (the service passes its ErrorLog.Error).
	WriteErrorLog func(source string, number, severity, state int, text string)
	// Shutdown, when set, serves T-SQL SHUTDOWN [WITH NOWAIT]; Kill serves
	// KILL spid (true when the session existed). The host (embed, the
	// service) provides them.
	Shutdown func(nowait bool)
	Kill     func(spid int16) bool
	// Configurations are the sp_configure values the host's configuration
	// sets (name → value: 'user connections', 'remote admin connections',
	// 'max server memory (MB)', …), reported by sp_configure and
	// sys.configurations.
	Configurations map[string]int64
}

// ErrorLogRow is one error log entry.
type ErrorLogRow struct {
	LogDate     time.Time
	ProcessInfo string
	Text        string
}

// LoginInfo describes an authenticated login.
type LoginInfo struct {
	Name            string
	DefaultDatabase string
	DefaultLanguage string
	SysAdmin        bool
}

// SessionConfig is what the server knows about a new session after LOGIN7.
type SessionConfig struct {
	SPID       int16
	Login      LoginInfo
	Database   string // requested initial database ("" = login default)
	Language   string
	AppName    string
	HostName   string
	ClientPID  uint32
	ClientAddr string
	ClientLib  string
	// ODBCDefaults: LOGIN7 fODBC/fOLEDB was set, so ANSI defaults are ON.
	ODBCDefaults bool
	PacketSize   int
	TDSVersion   uint32
	// Connection facts for sys.dm_exec_connections: the whole session is
	// encrypted (TLS after login, or TDS 8), the transport ("TCP" or
	// "Unix"), the server-side address and port the client reached, and
	// the client's port.
	Encrypted  bool
	Transport  string
	LocalAddr  string
	LocalPort  int
	ClientPort int
}

// Param is one RPC parameter, already decoded from the wire.
type Param struct {
	Name   string // with leading '@', or "" for positional
	Type   types.Type
	Value  types.Value
	Output bool
	// TVP is the value of a table-valued parameter (Type and Value are
	// then unused).
	TVP *types.TableValue
}

// Well-known RPC procedure ids (TDS ProcID).
const (
	ProcCursor         = 1
	ProcCursorOpen     = 2
	ProcCursorPrepare  = 3
	ProcCursorExecute  = 4
	ProcCursorPrepExec = 5
	ProcCursorUnprep   = 6
	ProcCursorFetch    = 7
	ProcCursorOption   = 8
	ProcCursorClose    = 9
	ProcExecuteSQL     = 10
	ProcPrepare        = 11
	ProcExecute        = 12
	ProcPrepExec       = 13
	ProcPrepExecRPC    = 14
	ProcUnprepare      = 15
)

// RPC is one RPC request. Either ProcID (non-zero) or ProcName is set.
type RPC struct {
	ProcID   uint16
	ProcName string
	Params   []Param
}

// TMKind is a transaction-manager request type (TDS 0x0E).
type TMKind uint8

const (
	TMBegin    TMKind = 5
	TMCommit   TMKind = 7
	TMRollback TMKind = 8
	TMSave     TMKind = 9
)

// TMRequest is a transaction-manager request.
type TMRequest struct {
	Kind      TMKind
	Name      string
	Isolation uint8 // TDS isolation level for begin (0 = unchanged)
	// BeginNew: commit/rollback followed by a new transaction (fBeginXact).
	BeginNew          bool
	BeginNewIsolation uint8
}

// Session is one client session. Methods are called by one goroutine at a
// time; ctx cancellation (attention) stops the running request promptly.
//
// Errors a statement raises go to the Writer as messages followed by a Done
// with Error set; the returned error is reserved for conditions that end the
// request as a whole (context cancelled, writer failure) or, when it is a
// *FatalError, the connection.
type Session interface {
	ExecBatch(ctx context.Context, sql string, w result.Writer) error
	ExecRPC(ctx context.Context, rpc *RPC, w result.Writer) error
	ExecTM(ctx context.Context, req *TMRequest, w result.Writer) error
	// Reset is sp_reset_connection: roll back, drop temp objects and
	// prepared handles, restore SET options and the login database.
	Reset(w result.Writer) error
	// Database and Language return the current values.
	Database() string
	Language() string
	// TranDescriptor is the current transaction descriptor (0 = none).
	TranDescriptor() uint64
	// Close rolls back and releases everything.
	Close() error
}

// FatalError ends the connection after its message was sent (severity >= 20,
// KILL, SHUTDOWN).
type FatalError struct{ Reason string }

func (e *FatalError) Error() string { return "fatal: " + e.Reason }
