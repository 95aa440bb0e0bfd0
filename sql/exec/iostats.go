package exec

import (
	"encoding/binary"

	"github.com/tsqld/tsqld/storage"
)

// SET STATISTICS IO counts what a statement reads, per table, at the
// storage interface: every row and index entry the executor reads goes
// through the statement's storage.Txn, so wrapping it (IOStats.Wrap)
// counts exactly the reads that happen, including those of constraint
// checks and row lookups.
//
// We have no pages: a "logical read" here is one 8 KB page's worth of
// storage entries (key + value bytes) read, each seek or range scan
// starting a new page. Scan count is the number of range scans started
// (full or key-range); a unique-key point lookup counts a logical read
// but no scan, as SQL Server counts a unique-index seek of one value.

// PageSize is the page size logical reads are counted in.
const PageSize = 8192

// TableIO is what one statement read from one table.
type TableIO struct {
	DB, Obj      int32
	Scans        int64 // range scans started
	LogicalReads int64 // pages, as defined above
	Entries      int64 // storage entries read
	Bytes        int64 // key + value bytes read
}

// IOStats collects TableIO for one statement, in first-read order.
type IOStats struct {
	Tables []*TableIO
	index  map[[2]int32]*TableIO
}

// NewIOStats returns empty statistics.
func NewIOStats() *IOStats { return &IOStats{index: map[[2]int32]*TableIO{}} }

// table attributes key to its table from the data key layout (0x02, db,
// object, index …); catalog records and other keys are not counted.
func (s *IOStats) table(key []byte) *TableIO {
	if len(key) < 9 || key[0] != 0x02 {
		return nil
	}
	db := int32(binary.BigEndian.Uint32(key[1:5]))
	obj := int32(binary.BigEndian.Uint32(key[5:9]))
	k := [2]int32{db, obj}
	t := s.index[k]
	if t == nil {
		t = &TableIO{DB: db, Obj: obj}
		s.index[k] = t
		s.Tables = append(s.Tables, t)
	}
	return t
}

// Wrap returns a transaction that counts reads into s (nil stays nil).
func (s *IOStats) Wrap(t storage.Txn) storage.Txn {
	if t == nil || s == nil {
		return t
	}
	if c, ok := t.(*countingTxn); ok && c.st == s {
		return t
	}
	return &countingTxn{Txn: t, st: s}
}

type countingTxn struct {
	storage.Txn
	st *IOStats
}

func (c *countingTxn) point(key, val []byte) {
	if t := c.st.table(key); t != nil {
		t.LogicalReads++
		if val != nil {
			t.Entries++
			t.Bytes += int64(len(key) + len(val))
		}
	}
}

func (c *countingTxn) Get(key []byte) ([]byte, bool, error) {
	v, ok, err := c.Txn.Get(key)
	c.point(key, v)
	return v, ok, err
}

func (c *countingTxn) GetForUpdate(key []byte) ([]byte, bool, error) {
	v, ok, err := c.Txn.GetForUpdate(key)
	c.point(key, v)
	return v, ok, err
}

func (c *countingTxn) Scan(lower, upper []byte, reverse bool) storage.Iterator {
	it := c.Txn.Scan(lower, upper, reverse)
	bound := lower
	if reverse && upper != nil {
		bound = upper
	}
	t := c.st.table(bound)
	if t == nil {
		return it
	}
	t.Scans++
	t.LogicalReads++ // the first page is read even when the range is empty
	return &countingIter{Iterator: it, t: t}
}

type countingIter struct {
	storage.Iterator
	t    *TableIO
	used int64 // bytes read on the current page
}

func (it *countingIter) Next() bool {
	if !it.Iterator.Next() {
		return false
	}
	n := int64(len(it.Iterator.Key()) + len(it.Iterator.Value()))
	it.t.Entries++
	it.t.Bytes += n
	it.used += n
	if it.used > PageSize {
		it.t.LogicalReads++
		it.used = n
	}
	return true
}
