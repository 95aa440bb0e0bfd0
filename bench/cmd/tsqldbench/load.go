package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	mssql "github.com/microsoft/go-mssqldb"
)

const (
	accountsPerBranch = 100000
	// insertBatch rows per multi-row INSERT: 4 parameters a row stays
	// under SQL Server's 2100-parameter limit.
	insertBatch = 500
)

var accountCols = []string{"aid", "bid", "abalance", "filler"}

// createSchema drops and creates the pgbench tables and fills branches
// and tellers (a few rows, not timed).
func createSchema(ctx context.Context, s *side, accounts int) error {
	for _, t := range benchTables {
		// Fresh clusters have none of them; a re-run against the same
		// servers starts over. Errors (no IF EXISTS yet) do not matter.
		s.db.ExecContext(ctx, "DROP TABLE IF EXISTS "+t)
	}
	for _, ddl := range s.d.schema() {
		if _, err := s.db.ExecContext(ctx, ddl); err != nil {
			return fmt.Errorf("%s: %w", ddl, err)
		}
	}
	scale := accounts / accountsPerBranch
	if err := insertRows(ctx, s, "branches", []string{"bid", "bbalance"}, scale, func(i int, dst []any) {
		dst[0], dst[1] = int32(i+1), int32(0)
	}, nil); err != nil {
		return fmt.Errorf("branches: %w", err)
	}
	if err := insertRows(ctx, s, "tellers", []string{"tid", "bid", "tbalance"}, 10*scale, func(i int, dst []any) {
		dst[0], dst[1], dst[2] = int32(i+1), int32(i/10+1), int32(0)
	}, nil); err != nil {
		return fmt.Errorf("tellers: %w", err)
	}
	return nil
}

// accountRow fills row i (0-based) of accounts the way pgbench does:
// balance 0, blank filler.
func accountRow(i int, dst []any) {
	dst[0], dst[1], dst[2], dst[3] = int32(i+1), int32(i/accountsPerBranch+1), int32(0), ""
}

// insertRows loads n rows with parameterised multi-row INSERTs of
// insertBatch rows, one autocommit statement each; lat (when not nil)
// receives each statement's latency.
func insertRows(ctx context.Context, s *side, table string, cols []string, n int, row func(i int, dst []any), lat *latencies) error {
	stmtFor := func(rows int) string {
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		p := 1
		for r := 0; r < rows; r++ {
			if r > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for c := range cols {
				if c > 0 {
					b.WriteString(", ")
				}
				b.WriteString(s.d.marker + strconv.Itoa(p))
				p++
			}
			b.WriteByte(')')
		}
		return b.String()
	}
	full := stmtFor(insertBatch)
	args := make([]any, insertBatch*len(cols))
	for start := 0; start < n; start += insertBatch {
		rows := min(insertBatch, n-start)
		q := full
		if rows < insertBatch {
			q = stmtFor(rows)
		}
		a := args[:rows*len(cols)]
		for r := 0; r < rows; r++ {
			row(start+r, a[r*len(cols):(r+1)*len(cols)])
		}
		t0 := time.Now()
		if _, err := s.db.ExecContext(ctx, q, a...); err != nil {
			return fmt.Errorf("rows %d..%d: %w", start+1, start+rows, err)
		}
		if lat != nil {
			*lat = append(*lat, time.Since(t0))
		}
	}
	return nil
}

// bulkLoad loads n rows with the side's native bulk path: TDS bulk copy
// (INSERT BULK + a bulk-load stream, go-mssqldb's CopyIn) or COPY FROM
// STDIN (pgx CopyFrom).
func bulkLoad(ctx context.Context, s *side, table string, n int) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.d.driver == "pgx" {
		return conn.Raw(func(dc any) error {
			pc := dc.(*stdlib.Conn).Conn()
			i := 0
			row := make([]any, len(accountCols))
			got, err := pc.CopyFrom(ctx, pgx.Identifier{table}, accountCols, pgx.CopyFromFunc(func() ([]any, error) {
				if i >= n {
					return nil, nil
				}
				accountRow(i, row)
				i++
				return row, nil
			}))
			if err == nil && got != int64(n) {
				err = fmt.Errorf("COPY loaded %d rows, want %d", got, n)
			}
			return err
		})
	}
	stmt, err := conn.PrepareContext(ctx, mssql.CopyIn(table, mssql.BulkOptions{}, accountCols...))
	if err != nil {
		return err
	}
	defer stmt.Close()
	row := make([]any, len(accountCols))
	for i := 0; i < n; i++ {
		accountRow(i, row)
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return err
		}
	}
	res, err := stmt.ExecContext(ctx) // flushes and ends the bulk load
	if err != nil {
		return err
	}
	if got, err := res.RowsAffected(); err == nil && got != int64(n) {
		return fmt.Errorf("bulk copy loaded %d rows, want %d", got, n)
	}
	return nil
}

// probeBulk tries the native bulk path on a scratch table, so a server
// without it is found out before the real load starts.
func probeBulk(ctx context.Context, s *side) error {
	s.db.ExecContext(ctx, "DROP TABLE IF EXISTS accounts_probe")
	if _, err := s.db.ExecContext(ctx, "CREATE TABLE accounts_probe (aid int NOT NULL PRIMARY KEY, bid int, abalance int, filler char(84))"); err != nil {
		return err
	}
	defer s.db.ExecContext(ctx, "DROP TABLE accounts_probe")
	if err := bulkLoad(ctx, s, "accounts_probe", 3); err != nil {
		return err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM accounts_probe").Scan(&n); err != nil {
		return err
	}
	if n != 3 {
		return fmt.Errorf("bulk copy of 3 rows left %d rows", n)
	}
	return nil
}

// measureLoad times a load of rows rows and the server CPU it took.
func measureLoad(s *side, rows int, load func(lat *latencies) error) *measurement {
	m := &measurement{}
	var lat latencies
	cpu0, ok0 := s.serverCPU()
	busy0, okb0 := machineBusy()
	self0 := selfCPU()
	t0 := time.Now()
	err := load(&lat)
	elapsed := time.Since(t0)
	cpu1, ok1 := s.serverCPU()
	busy1, okb1 := machineBusy()
	client := selfCPU() - self0
	if err != nil {
		m.Error = oneLine(err)
		return m
	}
	m.Ops = int64(rows)
	m.Seconds = elapsed.Seconds()
	m.Throughput = float64(rows) / elapsed.Seconds()
	if len(lat) > 0 {
		all := mergeSorted([]latencies{lat})
		m.P50us = us(all.percentile(0.5))
		m.P99us = us(all.percentile(0.99))
	}
	if ok0 && ok1 {
		m.CPUusPerOp = us(cpu1-cpu0) / float64(rows)
		if okb0 && okb1 {
			m.OtherCPUPct = otherPct(max(0, busy1-busy0-(cpu1-cpu0)-client), elapsed)
		}
	}
	m.ClientCPUusPerOp = us(client) / float64(rows)
	return m
}

// countRows returns the row count of table (0 on error).
func countRows(ctx context.Context, db *sql.DB, table string) int {
	var n int
	db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n)
	return n
}
