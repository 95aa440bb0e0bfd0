package slt

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/tsqld/tsqld/sql/engine"
)

// EngineDB runs records in-process on an engine session: no network, no
// driver, so the runner measures the engine alone.
type EngineDB struct {
	eng  *engine.Engine
	sess engine.Session
	col  Collector
}

// InProcess returns an OpenFunc that gives every file its own in-memory
// engine, which is the cheapest way to get an empty database per file.
func InProcess() OpenFunc {
	return func(ctx context.Context, file string, seq int) (DB, error) {
		eng, err := engine.Open(ctx, engine.Config{InMemory: true, SAPassword: "Slt-Runner-1"})
		if err != nil {
			return nil, err
		}
		login, merr := eng.Authenticate("sa", "Slt-Runner-1")
		if merr != nil {
			eng.Close()
			return nil, merr
		}
		sess, merr := eng.NewSession(engine.SessionConfig{SPID: 51, Login: login, ODBCDefaults: true, AppName: "tsqld slt"})
		if merr != nil {
			eng.Close()
			return nil, merr
		}
		return &EngineDB{eng: eng, sess: sess}, nil
	}
}

// Exec runs one batch; it fails when the batch raised an error.
func (d *EngineDB) Exec(ctx context.Context, sql string) error {
	if err := d.run(ctx, sql); err != nil {
		return err
	}
	return d.col.Err()
}

// Query runs one batch and returns its first result set.
func (d *EngineDB) Query(ctx context.Context, sql string) (*Rows, error) {
	if err := d.run(ctx, sql); err != nil {
		return nil, err
	}
	return d.col.Result()
}

// run executes a batch; an engine panic fails the record (with the stack,
// so it gets fixed) instead of ending the whole run, as the server turns
// it into a severity-20 error for that one connection.
func (d *EngineDB) run(ctx context.Context, sql string) (err error) {
	d.col.Reset()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("engine panic: %v\n%s", r, debug.Stack())
		}
	}()
	return d.sess.ExecBatch(ctx, sql, &d.col)
}

// Close ends the session and the engine.
func (d *EngineDB) Close() error {
	return errors.Join(d.sess.Close(), d.eng.Close())
}
