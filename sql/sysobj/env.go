package sysobj

import (
	"time"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// Env is what computing a view's rows needs from the running server and
// the session that reads it.
type Env interface {
	Catalog() *catalog.Catalog
	// CurrentDB is the session's database.
	CurrentDB() *catalog.Database
	// ServerInfo describes the instance.
	ServerInfo() ServerInfo
	// Sessions lists the server's sessions (sys.dm_exec_sessions).
	Sessions() []SessionInfo
	// SPID is the reading session's id.
	SPID() int16
	// Params returns the parameters of a procedure (parsed from its
	// definition); nil when it has none or cannot be parsed.
	Params(o *catalog.Object) []Param
	// Configurations returns the current sp_configure values.
	Configurations() []ConfigValue
	// ViewColumns binds a view and returns its output columns.
	ViewColumns(o *catalog.Object) []Column
	// IdentCurrent is the last identity value generated for a table.
	IdentCurrent(d *catalog.Database, o *catalog.Object) (int64, bool)
	// TempTables lists the session's #temp tables (tempdb's views).
	TempTables() []*catalog.Object
	// RowCount counts a table's rows (sys.partitions.rows).
	RowCount(d *catalog.Database, o *catalog.Object) int64
}

// ServerInfo describes the instance.
type ServerInfo struct {
	ServerName   string // @@SERVERNAME
	InstanceName string // "" for the default instance
	MachineName  string
	Edition      string // "Developer"
	Collation    string
	Started      time.Time
}

// SessionInfo is one row of sys.dm_exec_sessions / connections.
type SessionInfo struct {
	SPID        int16
	Login       string
	Host        string
	Program     string
	ClientPID   int32
	ClientAddr  string
	ClientLib   string // client interface name
	Database    string
	DatabaseID  int32
	Language    string
	LoginTime   time.Time
	LastRequest time.Time
	Running     bool // a request is executing
	Command     string
	Isolation   int16 // transaction_isolation_level (1..5)
	OpenTran    int32
	TextSize    int32
	DateFormat  string
	DateFirst   int16
	LockTimeout int32
	Options     uint32 // @@OPTIONS bits
	PacketSize  int32
	TDSVersion  uint32
	Encrypted   bool
}

// Param is one parameter of a procedure or function (sys.parameters). A
// scalar function's return value comes first with Return set (SQL Server
// lists it as parameter 0 with an empty name).
type Param struct {
	Name     string
	Type     types.Type
	Output   bool
	Default  bool
	ReadOnly bool
	Return   bool
}

// ConfigValue is one sp_configure option with its current value.
type ConfigValue struct {
	Option *ConfigOption
	Value  int64 // configured value (value)
	InUse  int64 // value_in_use (after RECONFIGURE)
}

// Ctx is the input of a view's row function.
type Ctx struct {
	Env Env
	Cat *catalog.Catalog
	// DB is the database the view was named in (master.sys.objects reads
	// master); server-scoped views ignore it.
	DB *catalog.Database
	// Args are a system function's argument values (View.ArgValues).
	Args []types.Value
}

// SequenceEnv is implemented by an Env that tracks sequences' running
// values (NEXT VALUE FOR): sys.sequences' current_value/last_used_value.
// ok is false when the session knows nothing newer than the catalog.
type SequenceEnv interface {
	SequenceCurrent(d *catalog.Database, o *catalog.Object) (cur int64, started, ok bool)
}
