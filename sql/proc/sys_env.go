package proc

import (
	"context"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// sysState is what the system views and procedures keep per server:
// the live sessions, sp_configure values and application locks. It hangs
// off the Server through a side table so Server's layout stays the engine
// helper's.
type sysState struct {
	mu       sync.Mutex
	started  time.Time
	sessions map[*Session]*sessMeta
	config   map[int32][2]int64 // configuration_id → {value, value_in_use}
	locks    *appLocks
}

type sessMeta struct {
	loginTime time.Time
	// mu guards lastRequest, running, db, opts and tran: written by the
	// session at each request's start and end, read by others (a lock
	// per session, not the server-wide st.mu, on every request).
	mu          sync.Mutex
	lastRequest time.Time
	running     bool
	// A snapshot of the session's state taken between requests, so other
	// sessions can read it without racing the session's own goroutine.
	db        *catalog.Database
	opts      session.Options
	tran      int
	ctxValues map[string]sessCtxValue // sp_set_session_context
}

var sysStates sync.Map // *Server → *sysState

func (s *Server) sys() *sysState {
	if v, ok := sysStates.Load(s); ok {
		return v.(*sysState)
	}
	st := &sysState{started: time.Now(), sessions: map[*Session]*sessMeta{}, config: map[int32][2]int64{}, locks: newAppLocks()}
	// The host's settings (mssql.conf) are what sp_configure reports as
	// value and value_in_use, as SQL Server reports its own configuration.
	for name, val := range s.cfg.Configurations {
		if o, _ := sysobj.FindConfig(name); o != nil {
			st.config[o.ID] = [2]int64{val, val}
		}
	}
	// Values set with sp_configure are stored in master and are all in
	// use after a restart (as RECONFIGURE would have made them).
	if txn, err := s.main.Begin(context.Background(), storage.TxnOptions{ReadOnly: true}); err == nil {
		if stored, err := catalog.LoadConfig(txn); err == nil {
			for id, v := range stored {
				st.config[id] = [2]int64{v, v}
			}
		}
		txn.Rollback()
	}
	v, _ := sysStates.LoadOrStore(s, st)
	return v.(*sysState)
}

// registerSession records a new session (sys.dm_exec_sessions).
func (s *Server) registerSession(ss *Session) {
	st := s.sys()
	st.mu.Lock()
	now := time.Now()
	st.sessions[ss] = &sessMeta{loginTime: now, lastRequest: now, db: ss.db, opts: ss.opts}
	st.mu.Unlock()
}

// unregisterSession forgets a closed session and frees its app locks.
func (s *Server) unregisterSession(ss *Session) {
	st := s.sys()
	st.mu.Lock()
	delete(st.sessions, ss)
	st.mu.Unlock()
	st.locks.releaseAll(ss)
}

func (s *Session) meta() *sessMeta {
	if s.sm != nil {
		return s.sm
	}
	st := s.srv.sys()
	st.mu.Lock()
	defer st.mu.Unlock()
	m := st.sessions[s]
	if m == nil {
		m = &sessMeta{loginTime: time.Now(), lastRequest: time.Now()}
		st.sessions[s] = m
	}
	s.sm = m
	return m
}

// Catalog implements sysobj.Env.
func (s *Session) Catalog() *catalog.Catalog { return s.cat() }

// CurrentDB implements sysobj.Env.
func (s *Session) CurrentDB() *catalog.Database { return s.db }

// SPID implements sysobj.Env.
func (s *Session) SPID() int16 { return s.cfg.SPID }

// ServerInfo implements sysobj.Env.
func (s *Session) ServerInfo() sysobj.ServerInfo {
	host, _ := os.Hostname()
	return sysobj.ServerInfo{ServerName: s.srv.cfg.ServerName, InstanceName: s.srv.cfg.InstanceName, MachineName: host,
		Edition: s.srv.cfg.Edition, Collation: s.srv.cfg.Collation, Started: s.srv.sys().started}
}

// Sessions implements sysobj.Env.
func (s *Server) sessionList() []*Session {
	st := s.sys()
	st.mu.Lock()
	out := make([]*Session, 0, len(st.sessions))
	for ss := range st.sessions {
		out = append(out, ss)
	}
	st.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].cfg.SPID < out[j].cfg.SPID })
	return out
}

// Sessions implements sysobj.Env.
func (s *Session) Sessions() []sysobj.SessionInfo {
	var out []sysobj.SessionInfo
	for _, ss := range s.srv.sessionList() {
		sm := ss.meta()
		sm.mu.Lock()
		m := &sessMeta{loginTime: sm.loginTime, lastRequest: sm.lastRequest, running: sm.running, db: sm.db, opts: sm.opts, tran: sm.tran}
		sm.mu.Unlock()
		if ss == s || m.db == nil {
			m.db, m.opts, m.tran = ss.db, ss.opts, ss.tranCount()
		}
		info := sysobj.SessionInfo{SPID: ss.cfg.SPID, Login: ss.cfg.Login, Host: ss.cfg.HostName, Program: ss.cfg.AppName,
			Database: m.db.Name, DatabaseID: m.db.ID, Language: m.opts.Language, LoginTime: m.loginTime,
			LastRequest: m.lastRequest, Running: ss == s || m.running, TextSize: int32(m.opts.TextSize), DateFormat: m.opts.DateFormat,
			DateFirst: int16(m.opts.DateFirst), LockTimeout: int32(m.opts.LockTimeout), Options: uint32(m.opts.Flags),
			Isolation: int16(m.opts.Isolation), OpenTran: int32(m.tran),
			ClientAddr: ss.cfg.ClientAddr, ClientPID: int32(ss.cfg.ClientPID), ClientLib: ss.cfg.ClientLib,
			PacketSize: int32(ss.cfg.PacketSize), TDSVersion: ss.cfg.TDSVersion, Encrypted: ss.cfg.Encrypted}
		out = append(out, info)
	}
	return out
}

// Params implements sysobj.Env: a procedure's parameters, from its
// stored definition.
func (s *Session) Params(o *catalog.Object) []sysobj.Param {
	var def string
	switch {
	case o == nil:
		return nil
	case o.Proc != nil:
		def = o.Proc.Definition
	case o.Func != nil:
		def = o.Func.Definition
	default:
		return nil
	}
	stmts, err := parser.ParseBatch(def, parser.Options{})
	if err != nil || len(stmts) != 1 {
		return nil
	}
	var params []*ast.ParamDef
	var returns *ast.TypeName
	switch st := stmts[0].(type) {
	case *ast.CreateProcStmt:
		params = st.Params
	case *ast.CreateFunctionStmt:
		params = st.Params
		if !st.ReturnsTable && st.ReturnTable == nil {
			returns = st.Returns
		}
	default:
		return nil
	}
	b, _ := s.binder(1)
	var out []sysobj.Param
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := recoverBind(r); !ok {
					panic(r)
				}
			}
		}()
		// A scalar function's return value is parameter 0 with no name
		// (sys.parameters, INFORMATION_SCHEMA.ROUTINES.DATA_TYPE).
		if returns != nil {
			out = append(out, sysobj.Param{Type: b.ResolveType(returns, false), Output: true, Return: true})
		}
		for _, p := range params {
			out = append(out, sysobj.Param{Name: p.Name, Type: b.ResolveType(p.Type, false), Output: p.Output, Default: p.Default != nil, ReadOnly: p.ReadOnly})
		}
	}()
	return out
}

// ViewColumns implements sysobj.Env: binds the view's query.
func (s *Session) ViewColumns(o *catalog.Object) []sysobj.Column {
	if o == nil || o.View == nil {
		return nil
	}
	q, err := s.ParseQuery(o.View.Query)
	if err != nil {
		return nil
	}
	b, _ := s.binder(1)
	rel, berr := b.BindQuery(q)
	if berr != nil {
		return nil
	}
	var out []sysobj.Column
	for i, c := range rel.Cols() {
		name := c.Name
		if i < len(o.View.Columns) {
			name = o.View.Columns[i]
		}
		out = append(out, sysobj.Column{Name: name, Type: c.Type, Nullable: c.Nullable})
	}
	return out
}

// readTxn returns a transaction to read database d's data: the session's
// own when one is open (so it sees its uncommitted rows), else a fresh
// read-only one the caller must release.
func (s *Session) readTxn(d *catalog.Database) (storage.Txn, func(), error) {
	if s.tx != nil {
		if d.ID == catalog.TempDBID {
			if t := s.tempTxn(); t != nil {
				return t, func() {}, nil
			}
		}
		if s.tx.main != nil {
			return s.tx.main, func() {}, nil
		}
	}
	eng := s.srv.main
	if d.ID == catalog.TempDBID && s.srv.temp != nil {
		eng = s.srv.temp
	}
	ctx := s.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	txn, err := eng.Begin(ctx, storage.TxnOptions{ReadOnly: true, LockTimeout: -1})
	if err != nil {
		return nil, nil, err
	}
	return txn, func() { txn.Rollback() }, nil
}

// IdentCurrent implements sysobj.Env.
func (s *Session) IdentCurrent(d *catalog.Database, o *catalog.Object) (int64, bool) {
	if o == nil || o.Table == nil {
		return 0, false
	}
	col := o.Table.IdentityColumn()
	if col < 0 {
		return 0, false
	}
	txn, done, err := s.readTxn(d)
	if err != nil {
		return 0, false
	}
	defer done()
	t := &exec.Table{DB: d.ID, Obj: o, Txn: txn}
	v, gen, err := t.CurrentIdentity(s.srv.counters, col)
	if err != nil {
		return 0, false
	}
	return v, gen
}

// RowCount implements sysobj.Env.
func (s *Session) RowCount(d *catalog.Database, o *catalog.Object) int64 {
	if o == nil || o.Table == nil {
		return 0
	}
	txn, done, err := s.readTxn(d)
	if err != nil {
		return 0
	}
	defer done()
	var n int64
	t := &exec.Table{DB: d.ID, Obj: o, Txn: txn}
	t.Scan(func([]byte, []types.Value) error { n++; return nil })
	return n
}

// Configurations implements sysobj.Env.
func (s *Session) Configurations() []sysobj.ConfigValue {
	st := s.srv.sys()
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]sysobj.ConfigValue, 0, len(sysobj.ConfigOptions))
	for i := range sysobj.ConfigOptions {
		o := &sysobj.ConfigOptions[i]
		cv := sysobj.ConfigValue{Option: o, Value: o.Default, InUse: o.Default}
		if v, ok := st.config[o.ID]; ok {
			cv.Value, cv.InUse = v[0], v[1]
		}
		out = append(out, cv)
	}
	return out
}

var _ sysobj.Env = (*Session)(nil)

// TempTables implements sysobj.Env.
func (s *Session) TempTables() []*catalog.Object {
	out := make([]*catalog.Object, 0, len(s.temps))
	for _, o := range s.temps {
		if o.Table != nil {
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// beginRequest marks the session as running a request (sys.dm_exec_
// requests, sp_who) and returns the function that marks it idle again.
func (s *Session) beginRequest() func() {
	m := s.meta()
	m.mu.Lock()
	m.running, m.lastRequest = true, time.Now()
	m.mu.Unlock()
	// A request starts outside any TRY (a recovered panic may have left
	// the counter up).
	s.tryNest, s.errAfter = 0, 0
	if s.endReq == nil { // one closure per session, not per request
		s.endReq = func() {
			m := s.meta()
			m.mu.Lock()
			m.running = false
			m.db, m.opts, m.tran = s.db, s.opts, s.tranCount()
			m.mu.Unlock()
		}
	}
	return s.endReq
}
