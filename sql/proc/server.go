package proc

import (
	"context"
	"fmt"

	"sync"
	"sync/atomic"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/storage"
)

// ServerConfig configures OpenServer.
type ServerConfig struct {
	Main, Temp   storage.Engine
	ServerName   string
	InstanceName string
	Edition      string
	Collation    string
	SAPassword   string
	ResetSA      bool
	// ReadErrorLog and CycleErrorLog serve the error log procedures
	// (nil: the server has no error log, e.g. embedded in tests).
	ReadErrorLog  func(archive int, search1, search2 string) ([]ErrorLogRow, error)
	CycleErrorLog func() error
	// WriteErrorLog receives RAISERROR … WITH LOG messages (nil: none).
	WriteErrorLog func(source string, number, severity, state int, text string)
	// Shutdown stops the server (T-SQL SHUTDOWN); Kill ends a session
	// (KILL) and reports whether it existed. nil: not available.
	Shutdown func(nowait bool)
	// Configurations are sp_configure values set by the host's
	// configuration (name → value), e.g. 'user connections'.
	Configurations map[string]int64
	Kill           func(spid int16) bool
}

// Server is the state shared by all sessions.
type Server struct {
	cfg      ServerConfig
	main     storage.Engine
	temp     storage.Engine
	cat      *catalog.Catalog
	plans    *plan.Cache
	counters *exec.Counters
	// ddlMu serialises DDL so catalog versions and object ids stay
	// consistent; DML never takes it.
	ddlMu sync.Mutex
	// publishMu orders catalog reloads against commits of DDL applied to
	// the shared catalog in place (catalog_txn.go).
	publishMu sync.Mutex
	descs     atomic.Uint64
}

type (
	planKey   = plan.Key
	planEntry = plan.Entry
)

func newPlanEntry(stmts []ast.Stmt) *plan.Entry { return &plan.Entry{Stmts: stmts} }

// PlanCacheStats returns the plan cache hit and miss counts.
func (s *Server) PlanCacheStats() (hits, misses uint64) { return s.plans.Stats() }

// OpenServer loads the catalog from cfg.Main, bootstrapping it on first
// start.
func OpenServer(ctx context.Context, cfg ServerConfig) (*Server, error) {
	txn, err := cfg.Main.Begin(ctx, storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		return nil, err
	}
	cat, found, err := catalog.Load(txn)
	if err != nil {
		txn.Rollback()
		return nil, err
	}
	if !found {
		if err := cat.Bootstrap(txn, cfg.Collation, cfg.SAPassword); err != nil {
			txn.Rollback()
			return nil, fmt.Errorf("bootstrap catalog: %w", err)
		}
	} else if err := cat.CheckKeyFormat(txn, rebuildKeys(txn)); err != nil { // keyformat.go
		txn.Rollback()
		return nil, err
	}
	if found && cfg.ResetSA && cfg.SAPassword != "" {
		sa := cat.Login("sa")
		if sa == nil {
			if sa, err = catalog.NewLogin("sa", cfg.SAPassword, "master", true); err != nil {
				txn.Rollback()
				return nil, err
			}
		} else {
			c := *sa
			sa = &c
			if err := sa.SetPassword(cfg.SAPassword); err != nil {
				txn.Rollback()
				return nil, err
			}
			sa.Disabled = false
		}
		if err := cat.PutLogin(txn, sa); err != nil {
			txn.Rollback()
			return nil, err
		}
	}
	if err := txn.Commit(); err != nil {
		return nil, err
	}
	return &Server{cfg: cfg, main: cfg.Main, temp: cfg.Temp, cat: cat, plans: plan.NewCache(1024), counters: exec.NewCounters()}, nil
}

// Catalog returns the shared catalog.
func (s *Server) Catalog() *catalog.Catalog { return s.cat }

// reloadCatalog re-reads the catalog after a rollback undid DDL whose
// in-memory effect was applied eagerly.
func (s *Server) reloadCatalog(ctx context.Context) error {
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	txn, err := s.main.Begin(ctx, storage.TxnOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer txn.Rollback()
	cat, _, err := catalog.Load(txn)
	if err != nil {
		return err
	}
	s.cat.ReplaceWith(cat)
	return nil
}

// Close releases storage.
func (s *Server) Close() error {
	err := s.main.Close()
	if s.temp != nil && s.temp != s.main {
		if e := s.temp.Close(); err == nil {
			err = e
		}
	}
	return err
}
