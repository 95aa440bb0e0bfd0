package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/proc"
	"github.com/tsqld/tsqld/storage"
)

// Engine is one running server's SQL engine: storage, catalog, plan cache.
type Engine struct {
	cfg      Config
	srv      *proc.Server
	verifier *catalog.Verifier

	mu       sync.Mutex
	sessions map[int16]*session
	closed   bool
}

// Open opens (or creates) the storage and catalog described by cfg.
func Open(ctx context.Context, cfg Config) (*Engine, error) {
	if cfg.ServerName == "" {
		cfg.ServerName = "tsqld"
	}
	if cfg.Collation == "" {
		cfg.Collation = "SQL_Latin1_General_CP1_CI_AS"
	}
	if cfg.Edition == "" {
		cfg.Edition = "Developer"
	}
	main, temp, err := openStorage(cfg)
	if err != nil {
		return nil, err
	}
	srv, err := proc.OpenServer(ctx, proc.ServerConfig{
		Main: main, Temp: temp,
		ServerName: cfg.ServerName, InstanceName: cfg.InstanceName,
		Edition: cfg.Edition, Collation: cfg.Collation,
		SAPassword: cfg.SAPassword, ResetSA: cfg.ResetSA,
		ReadErrorLog: adaptErrorLog(cfg.ReadErrorLog), CycleErrorLog: cfg.CycleErrorLog,
		WriteErrorLog: cfg.WriteErrorLog,
		Shutdown:      cfg.Shutdown, Kill: cfg.Kill,
		Configurations: cfg.Configurations,
	})
	if err != nil {
		main.Close()
		if temp != main {
			temp.Close()
		}
		return nil, err
	}
	return &Engine{cfg: cfg, srv: srv, verifier: catalog.NewVerifier(), sessions: map[int16]*session{}}, nil
}

// openStorage picks the backends: cfg.Storage when the caller supplies one
// (tests, embedders), otherwise the registered factories.
func openStorage(cfg Config) (main, temp storage.Engine, err error) {
	temp = cfg.TempStorage
	if temp == nil {
		if NewMemStorage == nil {
			return nil, nil, errors.New("engine: no in-memory storage backend registered")
		}
		if temp, err = NewMemStorage(); err != nil {
			return nil, nil, err
		}
	}
	main = cfg.Storage
	if main == nil {
		switch {
		case cfg.DataDir == "" || cfg.InMemory:
			main, err = NewMemStorage()
		case NewDiskStorage == nil:
			err = errors.New("engine: no durable storage backend registered")
		default:
			main, err = NewDiskStorage(cfg.DataDir)
		}
		if err != nil {
			temp.Close()
			return nil, nil, err
		}
	}
	return main, temp, nil
}

// NewMemStorage and NewDiskStorage create the storage backends when Config
// does not supply one. They are variables so the engine does not depend on
// a backend package being finished; the backend wiring file sets them.
var (
	NewMemStorage  func() (storage.Engine, error)
	NewDiskStorage func(dir string) (storage.Engine, error)
)

// Authenticate checks a SQL login. Errors are 18456 with SQL Server's state
// (the client only ever sees state 1 in the message text for security, but
// the error log and the Error.State carry the real reason).
func (e *Engine) Authenticate(login, password string) (LoginInfo, *msgs.Error) {
	l := e.srv.Catalog().Login(login)
	fail := func(state uint8) (LoginInfo, *msgs.Error) {
		return LoginInfo{}, &msgs.Error{Number: 18456, Severity: 14, State: state,
			Text: fmt.Sprintf("Login failed for user '%s'.", login)}
	}
	if l == nil {
		return fail(5)
	}
	if !e.verifier.Check(l, password) {
		return fail(8)
	}
	if l.Disabled {
		return fail(7)
	}
	return LoginInfo{Name: l.Name, DefaultDatabase: l.DefaultDatabase, DefaultLanguage: l.DefaultLanguage, SysAdmin: l.SysAdmin}, nil
}

// NewSession creates a session in the requested (or the login's default)
// database; 4060 when that database cannot be opened.
func (e *Engine) NewSession(cfg SessionConfig) (Session, *msgs.Error) {
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed {
		return nil, &msgs.Error{Number: 6005, Severity: 14, State: 2, Text: "SHUTDOWN is in progress."}
	}
	dbName := cfg.Database
	if dbName == "" {
		dbName = cfg.Login.DefaultDatabase
	}
	if dbName == "" {
		dbName = "master"
	}
	ps, merr := e.srv.NewSession(proc.SessionConfig{
		SPID: cfg.SPID, Login: cfg.Login.Name, Database: dbName,
		Language: cfg.Language, AppName: cfg.AppName, HostName: cfg.HostName,
		ODBCDefaults: cfg.ODBCDefaults,
		ClientAddr:   cfg.ClientAddr, ClientPID: cfg.ClientPID, ClientLib: cfg.ClientLib,
		PacketSize: cfg.PacketSize, TDSVersion: cfg.TDSVersion,
		Encrypted: cfg.Encrypted, Transport: cfg.Transport, LocalAddr: cfg.LocalAddr, LocalPort: cfg.LocalPort, ClientPort: cfg.ClientPort,
	})
	if merr != nil {
		return nil, merr
	}
	if !ps.HasDBAccess() { // no user in the database (proc/security_ctx.go)
		ps.Close()
		if cfg.Database == "" {
			return nil, msgs.New(4064)
		}
		return nil, msgs.NewState(4060, 1, dbName)
	}
	s := &session{eng: e, ps: ps, spid: cfg.SPID}
	e.mu.Lock()
	e.sessions[cfg.SPID] = s
	e.mu.Unlock()
	return s, nil
}

// Close closes all sessions and the storage.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	ss := make([]*session, 0, len(e.sessions))
	for _, s := range e.sessions {
		ss = append(ss, s)
	}
	e.mu.Unlock()
	for _, s := range ss {
		s.Close()
	}
	return e.srv.Close()
}

func (e *Engine) forget(spid int16) {
	e.mu.Lock()
	delete(e.sessions, spid)
	e.mu.Unlock()
}
