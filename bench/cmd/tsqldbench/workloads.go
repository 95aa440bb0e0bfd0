package main

import (
	"context"
	"database/sql"
	"math/rand/v2"
)

// worker is one client goroutine's state.
type worker struct {
	s   *side
	rng *rand.Rand
	n   int // accounts
}

func (w *worker) aid() int64 { return 1 + w.rng.Int64N(int64(w.n)) }

// workload is one timed operation, the same code for both sides.
type workload struct {
	key, name string
	op        func(ctx context.Context, w *worker) error
}

var workloads = []workload{
	{"select1", "SELECT 1", opSelect1},
	{"point", "point select by PK", opPoint},
	{"connect", "connect+login+query+close", opConnect},
	{"write", "simple-update txn", opWrite},
	{"groupby", "GROUP BY bid (full scan)", opGroupBy},
	{"join", "accounts ⋈ branches, 1% range", opJoin},
}

func opSelect1(ctx context.Context, w *worker) error {
	var one int
	return w.s.db.QueryRowContext(ctx, w.s.st.select1).Scan(&one)
}

func opPoint(ctx context.Context, w *worker) error {
	var bal int64
	return w.s.db.QueryRowContext(ctx, w.s.st.point, w.aid()).Scan(&bal)
}

// opConnect opens a fresh connection (TCP connect, login with password
// authentication), runs one query and closes it: no pool.
func opConnect(ctx context.Context, w *worker) error {
	db := sql.OpenDB(w.s.conn)
	defer db.Close()
	var one int
	return db.QueryRowContext(ctx, w.s.st.select1).Scan(&one)
}

// opWrite is pgbench's simple-update transaction.
func opWrite(ctx context.Context, w *worker) error {
	scale := int64(w.n / accountsPerBranch)
	aid := w.aid()
	bid := 1 + w.rng.Int64N(scale)
	tid := 1 + w.rng.Int64N(10*scale)
	delta := w.rng.Int64N(10001) - 5000
	tx, err := w.s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, w.s.st.update, delta, aid); err != nil {
		tx.Rollback()
		return err
	}
	var bal int64
	if err := tx.QueryRowContext(ctx, w.s.st.balance, aid).Scan(&bal); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, w.s.st.history, tid, bid, aid, delta); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func opGroupBy(ctx context.Context, w *worker) error {
	rows, err := w.s.db.QueryContext(ctx, w.s.st.groupBy)
	if err != nil {
		return err
	}
	defer rows.Close()
	var bid, sum, cnt int64
	for rows.Next() {
		if err := rows.Scan(&bid, &sum, &cnt); err != nil {
			return err
		}
	}
	return rows.Err()
}

func opJoin(ctx context.Context, w *worker) error {
	width := int64(w.n / 100)
	lo := 1 + w.rng.Int64N(int64(w.n)-width+1)
	var cnt int64
	var sum, maxb sql.NullInt64
	return w.s.db.QueryRowContext(ctx, w.s.st.join, lo, lo+width-1).Scan(&cnt, &sum, &maxb)
}
