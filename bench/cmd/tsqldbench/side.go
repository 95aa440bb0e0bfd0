package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"
)

// side is one server under test, reached through database/sql.
type side struct {
	d    dialect
	dsn  string
	conn driver.Connector
	db   *sql.DB // pool of at most maxConc connections
	cpu  cpuMeter
	mem  memMeter
	pid  int

	version string
	started string // how the server process was started

	st stmts
}

// stmts are the benchmark statements in the side's dialect, rewritten
// once so the hot loop does no string work.
type stmts struct {
	select1, point, update, balance, history, groupBy, join string
}

func newStmts(d dialect) stmts {
	return stmts{
		select1: "SELECT 1",
		point:   d.q("SELECT abalance FROM accounts WHERE aid = $1"),
		// pgbench's simple-update script (-N / -b simple-update).
		update:  d.q("UPDATE accounts SET abalance = abalance + $1 WHERE aid = $2"),
		balance: d.q("SELECT abalance FROM accounts WHERE aid = $1"),
		history: d.q("INSERT INTO history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)"),
		groupBy: "SELECT bid, SUM(CAST(abalance AS bigint)), COUNT(*) FROM accounts GROUP BY bid",
		join: d.q("SELECT COUNT(*), SUM(CAST(a.abalance AS bigint)), MAX(b.bbalance) FROM accounts a " +
			"JOIN branches b ON b.bid = a.bid WHERE a.aid BETWEEN $1 AND $2"),
	}
}

func openSide(ctx context.Context, d dialect, addr, password string, pid, maxConc int) (*side, error) {
	dsn, err := d.dsn(addr, password)
	if err != nil {
		return nil, err
	}
	conn, err := d.connector(dsn)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(maxConc)
	db.SetMaxIdleConns(maxConc)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &side{d: d, dsn: dsn, conn: conn, db: db, pid: pid, st: newStmts(d)}
	if pid > 0 {
		if d.name == "postgresql" {
			s.cpu, s.mem = treeCPU{pid}, treeMem(pid)
		} else {
			s.cpu, s.mem = processCPU{pid}, processMem(pid)
		}
		if _, err := s.cpu.CPU(); err != nil {
			return nil, fmt.Errorf("%s pid %d: %w", d.name, pid, err)
		}
	}
	vq := "SELECT version()"
	if d.driver == "sqlserver" {
		vq = "SELECT @@VERSION"
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := db.QueryRowContext(cctx, vq).Scan(&s.version); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: first query: %w", d.name, err)
	}
	return s, nil
}

// serverCPU reads the side's cumulative server CPU; ok is false when it
// cannot be measured (no pid, or the process is gone).
func (s *side) serverCPU() (time.Duration, bool) {
	if s.cpu == nil {
		return 0, false
	}
	t, err := s.cpu.CPU()
	return t, err == nil
}

func (s *side) memory() *memInfo {
	if s.mem == nil {
		return nil
	}
	m, err := s.mem()
	if err != nil {
		return nil
	}
	return &m
}
