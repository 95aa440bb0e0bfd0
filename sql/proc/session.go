package proc

import (
	"context"
	"sync/atomic"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// SessionConfig describes a new session.
type SessionConfig struct {
	SPID         int16
	Login        string
	Database     string
	Language     string
	AppName      string
	HostName     string
	ODBCDefaults bool
	// Connection facts for sys.dm_exec_sessions / dm_exec_connections.
	ClientAddr string
	ClientPID  uint32
	ClientLib  string
	PacketSize int
	TDSVersion uint32
	// Encrypted, Transport, LocalAddr, LocalPort, ClientPort: see
	// engine.SessionConfig (sys.dm_exec_connections).
	Encrypted  bool
	Transport  string
	LocalAddr  string
	LocalPort  int
	ClientPort int
}

// Param is one RPC parameter.
type Param struct {
	Name   string
	Type   types.Type
	Value  types.Value
	Output bool
	TVP    *types.TableValue // table-valued parameter
}

// TMRequest mirrors engine.TMRequest.
type TMRequest struct {
	Kind              uint8
	Name              string
	Isolation         uint8
	BeginNew          bool
	BeginNewIsolation uint8
}

// tempObjectIDs numbers #temp tables and table variables server-wide
// (negative, as SQL Server's tempdb object ids are).
var tempObjectIDs atomic.Int32

// Session is one connection's state.
type Session struct {
	srv *Server
	cfg SessionConfig
	// lockIDs are the storage transaction ids of the open transaction
	// (main, temp; 0 = none), read by other sessions for
	// sys.dm_tran_locks (locks_env.go).
	lockIDs [2]atomic.Uint64
	db      *catalog.Database
	opts    session.Options
	tx      *txnState
	tv      tableVarStore // table variable rows (tablevar_store.go)
	warn    warnTarget    // where ANSI_WARNINGS OFF warnings go (arith_warn.go)
	// nullFree are 8153 writers of finished statements, reused so that
	// the per-statement wrapper costs no allocation (null_warn.go).
	nullFree []*nullWarnWriter
	// eventData is EVENTDATA() of the running DDL triggers (ddl_trigger.go).
	eventData []string
	// nowait is the RAISERROR … WITH NOWAIT error fail() must flush (arith_warn.go).
	nowait *msgs.Error
	temps  map[string]*catalog.Object // #name lower → object
	frame  *frame                     // current variable frame
	prep   map[int32]*prepared
	nextPH int32

	rowCount    int64
	lastError   int32
	errAfter    int32       // @@ERROR once the current statement succeeds (RAISERROR WITH SETERROR)
	feed        *rowFeed    // rows for the INSERT of an OUTPUT INTO (dml_output_into.go)
	tryNest     int         // TRY blocks open in this request, across EXEC scopes
	identity    types.Value // @@IDENTITY
	scopeIdent  types.Value // SCOPE_IDENTITY() of the current scope
	contextInfo []byte      // SET CONTEXT_INFO (nil until set)
	rng         *seededRand // RAND's generator once RAND(seed) was called
	nestLevel   int
	catchErr    *msgs.Error // error being handled in a CATCH block
	identityIns *catalog.Object
	fmtOnly     bool      // SET FMTONLY ON (fmtonly.go)
	diag        diagState // SET NOEXEC/PARSEONLY/SHOWPLAN_*/STATISTICS (showplan.go, statistics.go)
	closed      bool
	ctx         context.Context
	defCache    map[string]*cachedDefs // sp_executesql parameter definitions (rpc_params.go)
	spares      spareFrames            // sp_executesql frames kept for the next calls (frame_reuse.go)
	sm          *sessMeta              // this session's sys.dm_exec_sessions state (sys_env.go)
	endReq      func()                 // beginRequest's end function, made once
	warnFn      func(int32)            // s.arithWarning for exec.Ctx.Warn, made once (eval.go)
	tempFn      func() storageTxn      // s.tempTxn for exec.Ctx.TempTxn, made once (eval.go)
	sink        *rowSink               // SELECT's row sender (select_sink.go)
	feat        *featState             // triggers, cursors (feat_state.go)
	sec         secState               // security context (security_ctx.go)
}

// NewSession opens a session in cfg.Database (4060 when it does not exist).
func (s *Server) NewSession(cfg SessionConfig) (*Session, *msgs.Error) {
	d := s.cat.Database(cfg.Database)
	if d == nil {
		return nil, msgs.NewState(4060, 1, cfg.Database)
	}
	ss := &Session{srv: s, cfg: cfg, db: d, opts: session.Defaults(cfg.ODBCDefaults),
		temps: map[string]*catalog.Object{}, prep: map[int32]*prepared{}}
	if cfg.Language != "" {
		ss.opts.Language = cfg.Language
	}
	ss.frame = newFrame(nil)
	s.registerSession(ss)
	return ss, nil
}

// Database returns the current database name.
func (s *Session) Database() string { return s.db.Name }

// Language returns the session language.
func (s *Session) Language() string { return s.opts.Language }

// TranDescriptor is the current transaction's descriptor (0 = none).
func (s *Session) TranDescriptor() uint64 {
	if s.tx != nil && s.tx.explicit {
		return s.tx.desc
	}
	return 0
}

// Options exposes the SET options (tests).
func (s *Session) Options() *session.Options { return &s.opts }

// Close rolls back and drops session objects.
func (s *Session) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	s.srv.unregisterSession(s)
	if s.tx != nil {
		s.rollbackAll()
	}
	s.dropTemps()
	s.closeTableVars()
	return nil
}

// Reset implements sp_reset_connection.
func (s *Session) Reset(w result.Writer) error {
	defer s.beginRequest()() // other sessions see the reset state
	if s.tx != nil {
		s.rollbackAll()
	}
	s.dropTemps()
	// go-mssqldb resets on nearly every request: keep an empty map.
	if len(s.prep) > 0 {
		s.prep = map[int32]*prepared{}
	}
	s.opts = session.Defaults(s.cfg.ODBCDefaults)
	s.fmtOnly = false
	s.diag = diagState{}
	if s.cfg.Language != "" {
		s.opts.Language = s.cfg.Language
	}
	s.frame = newFrame(nil)
	s.rowCount, s.lastError = 0, 0
	s.identity, s.scopeIdent = types.Null, types.Null
	if d := s.cat().Database(s.cfg.Database); d != nil && d != s.db {
		old := s.db.Name
		s.db = d
		if err := w.EnvChange(result.EnvChange{Type: result.EnvDatabase, New: d.Name, Old: old}); err != nil {
			return err
		}
	}
	return w.EnvChange(result.EnvChange{Type: result.EnvResetAck})
}

func (s *Session) dropTemps() {
	if len(s.temps) == 0 {
		return
	}
	txn, err := s.srv.temp.Begin(context.Background(), txnOpts(&s.opts))
	if err != nil {
		return
	}
	for _, o := range s.temps {
		p := catalog.TablePrefix(catalog.TempDBID, o.ID)
		catalog.DeleteRange(txn, p, catalog.PrefixEnd(p))
		s.srv.counters.Forget(catalog.TempDBID, o.ID)
	}
	txn.Commit()
	s.temps = map[string]*catalog.Object{}
}

// parse parses a batch (through the plan cache).
func (s *Session) parse(text, params string) (*planEntry, error) {
	key := planKey{Text: text, Params: params, DB: s.db.ID, Opts: s.opts.PlanKey()}
	if e := s.srv.plans.Get(key); e != nil {
		return e, nil
	}
	stmts, err := parser.ParseBatch(text, parser.Options{QuotedIdentifierOff: !s.opts.Has(session.QuotedIdentifier)})
	if err != nil {
		return nil, err
	}
	e := newPlanEntry(stmts)
	s.srv.plans.Put(key, e)
	return e, nil
}

// ParseQuery parses a view definition's query (sem.ViewParser).
func (s *Session) ParseQuery(text string) (*ast.Query, error) {
	stmts, err := parser.ParseBatch(text, parser.Options{})
	if err != nil {
		return nil, err
	}
	if len(stmts) == 1 {
		if sel, ok := stmts[0].(*ast.SelectStmt); ok {
			return sel.Query, nil
		}
	}
	return nil, msgs.New(4413, text)
}
