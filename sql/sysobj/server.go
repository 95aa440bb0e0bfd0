package sysobj

import (
	"bufio"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

var intT = types.TypeInt

// HostInfo is sys.dm_os_host_info's description of the operating system.
type HostInfo struct {
	Platform, Distribution, Release, ServicePack, Architecture string
}

var (
	hostOnce sync.Once
	host     HostInfo
)

// Host reads the host description once (/etc/os-release on Linux).
func Host() HostInfo {
	hostOnce.Do(func() {
		host = HostInfo{Platform: "Linux", Architecture: "X64"}
		if runtime.GOOS == "windows" {
			host.Platform = "Windows"
		}
		if runtime.GOARCH == "arm64" {
			host.Architecture = "ARM64"
		}
		f, err := os.Open("/etc/os-release")
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), "=")
			if !ok {
				continue
			}
			v = strings.Trim(v, `"`)
			switch k {
			case "NAME":
				host.Distribution = v
			case "VERSION_ID":
				host.Release = v
			}
		}
	})
	return host
}

func splitAddr(a string) (types.Value, types.Value) {
	h, p, err := net.SplitHostPort(a)
	if err != nil {
		return vSN(a), vN
	}
	n, _ := strconv.Atoi(p)
	return vS(h), vI(int64(n))
}

func optBit(opts uint32, bit uint32) types.Value { return vB(opts&bit != 0) }

// @@OPTIONS bits.
const (
	optAnsiWarnings   = 8
	optAnsiPadding    = 16
	optAnsiNulls      = 32
	optArithAbort     = 64
	optQuotedIdent    = 256
	optAnsiNullDfltOn = 1024
	optConcatNull     = 4096
)

func sessionOptions(s SessionInfo) []types.Value {
	o := s.Options
	return []types.Value{vI(int64(s.TextSize)), vS(s.Language), vS(s.DateFormat), vI(int64(s.DateFirst)),
		optBit(o, optQuotedIdent), optBit(o, optArithAbort), optBit(o, optAnsiNullDfltOn), vB(false), optBit(o, optAnsiWarnings),
		optBit(o, optAnsiPadding), optBit(o, optAnsiNulls), optBit(o, optConcatNull), vI(int64(s.Isolation)), vI(int64(s.LockTimeout)), vI(0)}
}

func init() {
	defineServer("sys", "configurations", `
configuration_id int
name nvarchar(35)
value sql_variant null
minimum sql_variant null
maximum sql_variant null
value_in_use sql_variant null
description nvarchar(255)
is_dynamic bit
is_advanced bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, cv := range c.Env.Configurations() {
			o := cv.Option
			rows = append(rows, []types.Value{vI(int64(o.ID)), vS(o.Name), vVariant(intT, vI(cv.Value)), vVariant(intT, vI(o.Min)),
				vVariant(intT, vI(o.Max)), vVariant(intT, vI(cv.InUse)), vS(o.Description), vB(o.Dynamic), vB(o.Advanced)})
		}
		return rows
	})
	defineServer("sys", "messages", `
message_id int
language_id smallint
severity tinyint null
is_event_logged bit null
text nvarchar(2048) null`, func(c *Ctx) [][]types.Value {
		all := msgs.All(msgs.KindMessage)
		rows := make([][]types.Value, 0, len(all))
		for _, e := range all {
			rows = append(rows, []types.Value{vI(int64(e.Number)), vI(1033), vI(int64(e.Severity)), vB(e.Logged), vS(e.English)})
		}
		for _, e := range all {
			if e.French != "" {
				rows = append(rows, []types.Value{vI(int64(e.Number)), vI(1036), vI(int64(e.Severity)), vB(e.Logged), vS(e.French)})
			}
		}
		return rows
	})
	defineServer("sys", "dm_exec_sessions", `
session_id smallint
login_time datetime
host_name nvarchar(128) null
program_name nvarchar(128) null
host_process_id int null
client_version int null
client_interface_name nvarchar(32) null
security_id varbinary(85)
login_name nvarchar(128)
nt_domain nvarchar(128) null
nt_user_name nvarchar(128) null
status nvarchar(30)
context_info varbinary(128) null
cpu_time int
memory_usage int
total_scheduled_time int
total_elapsed_time int
endpoint_id int
last_request_start_time datetime
last_request_end_time datetime null
reads bigint
writes bigint
logical_reads bigint
is_user_process bit
`+sessionOptionCols+`
row_count bigint
prev_error int
original_security_id varbinary(85)
original_login_name nvarchar(128)
last_successful_logon datetime null
last_unsuccessful_logon datetime null
unsuccessful_logons bigint null
group_id int
database_id smallint
authenticating_database_id int null
open_transaction_count int
page_server_reads bigint`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, s := range c.Env.Sessions() {
			status := "sleeping"
			if s.Running {
				status = "running"
			}
			sid := vBin(sidOf(LoginPrincipal(c.Cat, s.Login)))
			r := []types.Value{vI(int64(s.SPID)), vT(s.LoginTime), vSN(s.Host), vSN(s.Program), vI(int64(s.ClientPID)),
				vI(int64(s.TDSVersion >> 24)), vSN(s.ClientLib), sid, vS(s.Login), vN, vN, vS(status), vN, vI(0), vI(0), vI(0), vI(0),
				vI(2), vT(s.LastRequest), vT(s.LastRequest), vI(0), vI(0), vI(0), vB(true)}
			r = append(r, sessionOptions(s)...)
			r = append(r, vI(0), vI(0), sid, vS(s.Login), vN, vN, vN, vI(2), vI(int64(s.DatabaseID)), vI(1), vI(int64(s.OpenTran)), vI(0))
			rows = append(rows, r)
		}
		return rows
	})
	defineServer("sys", "dm_exec_connections", `
session_id int null
most_recent_session_id int null
connect_time datetime
net_transport nvarchar(40)
protocol_type nvarchar(40) null
protocol_version int null
endpoint_id int null
encrypt_option nvarchar(40)
auth_scheme nvarchar(40)
node_affinity smallint
num_reads int null
num_writes int null
last_read datetime null
last_write datetime null
net_packet_size int null
client_net_address varchar(48) null
client_tcp_port int null
local_net_address varchar(48) null
local_tcp_port int null
connection_id uniqueidentifier
parent_connection_id uniqueidentifier null
most_recent_sql_handle varbinary(64) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, s := range c.Env.Sessions() {
			if s.ClientAddr == "" {
				continue // in-process sessions have no connection
			}
			addr, port := splitAddr(s.ClientAddr)
			enc := "FALSE"
			if s.Encrypted {
				enc = "TRUE"
			}
			cid := make([]byte, 16)
			cid[0], cid[1], cid[15] = byte(s.SPID), byte(s.SPID>>8), 0x7d
			rows = append(rows, []types.Value{vI(int64(s.SPID)), vI(int64(s.SPID)), vT(s.LoginTime), vS("TCP"), vS("TSQL"),
				vI(int64(s.TDSVersion)), vI(4), vS(enc), vS("SQL"), vI(0), vN, vN, vT(s.LastRequest), vT(s.LastRequest),
				vI(int64(s.PacketSize)), addr, port, vN, vN, {K: types.KindGUID, B: cid}, vN, vN})
		}
		return rows
	})
	defineServer("sys", "dm_exec_requests", `
session_id smallint
request_id int
start_time datetime
status nvarchar(30)
command nvarchar(32)
sql_handle varbinary(64) null
statement_start_offset int null
statement_end_offset int null
plan_handle varbinary(64) null
database_id smallint
user_id int
connection_id uniqueidentifier null
blocking_session_id smallint null
wait_type nvarchar(60) null
wait_time int
last_wait_type nvarchar(60)
wait_resource nvarchar(256)
open_transaction_count int
open_resultset_count int
transaction_id bigint
context_info varbinary(128) null
percent_complete real
estimated_completion_time bigint
cpu_time int
total_elapsed_time int
scheduler_id int null
task_address varbinary(8) null
reads bigint
writes bigint
logical_reads bigint
`+sessionOptionCols+`
row_count bigint
prev_error int
nest_level int
granted_query_memory int
executing_managed_code bit
group_id int
query_hash binary(8) null
query_plan_hash binary(8) null
statement_sql_handle varbinary(64) null
statement_context_id bigint null
dop int
parallel_worker_count int null
external_script_request_id uniqueidentifier null
is_resumable bit null
page_resource binary(8) null
page_server_reads bigint`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, s := range c.Env.Sessions() {
			if !s.Running {
				continue
			}
			cmd := s.Command
			if cmd == "" {
				cmd = "SELECT"
			}
			r := []types.Value{vI(int64(s.SPID)), vI(0), vT(s.LastRequest), vS("running"), vS(cmd), vN, vN, vN, vN,
				vI(int64(s.DatabaseID)), vI(1), vN, vI(0), vN, vI(0), vS("MISCELLANEOUS"), vS(""), vI(int64(s.OpenTran)), vI(1),
				vI(0), vN, types.Value{K: types.KindFloat}, vI(0), vI(0), vI(0), vI(0), vN, vI(0), vI(0), vI(0)}
			r = append(r, sessionOptions(s)...)
			r = append(r, vI(0), vI(0), vI(0), vI(0), vB(false), vI(2), vN, vN, vN, vN, vI(1), vN, vN, vB(false), vN, vI(0))
			rows = append(rows, r)
		}
		return rows
	})
	defineServer("sys", "dm_os_host_info", `
host_platform nvarchar(256)
host_distribution nvarchar(256)
host_release nvarchar(256)
host_service_pack_level nvarchar(256)
host_sku int null
os_language_version int
host_architecture nvarchar(256) null`, func(c *Ctx) [][]types.Value {
		h := Host()
		return [][]types.Value{{vS(h.Platform), vS(h.Distribution), vS(h.Release), vS(h.ServicePack), vN, vI(1033), vS(h.Architecture)}}
	})
}

// sessionOptionCols are the SET-option columns sys.dm_exec_sessions and
// sys.dm_exec_requests share (sessionOptions fills them).
const sessionOptionCols = `
text_size int
language nvarchar(128) null
date_format nvarchar(3) null
date_first smallint
quoted_identifier bit
arithabort bit
ansi_null_dflt_on bit
ansi_defaults bit
ansi_warnings bit
ansi_padding bit
ansi_nulls bit
concat_null_yields_null bit
transaction_isolation_level smallint
lock_timeout int
deadlock_priority int`
