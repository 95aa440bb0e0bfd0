package exec

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// Counters hands out heap row ids and identity values per table. They are
// not transactional (SQL Server's identity is not either: a rolled-back
// insert leaves a gap); the first use after start continues past the
// largest value stored.
type Counters struct {
	mu sync.Mutex
	m  map[[2]int32]*counter
}

type counter struct {
	rowID    int64
	identity int64
	idInit   bool
	ridInit  bool
}

// NewCounters returns an empty set.
func NewCounters() *Counters { return &Counters{m: map[[2]int32]*counter{}} }

func (cs *Counters) get(db, obj int32) *counter {
	k := [2]int32{db, obj}
	c := cs.m[k]
	if c == nil {
		c = &counter{}
		cs.m[k] = c
	}
	return c
}

// Forget drops a table's counters (DROP TABLE, TRUNCATE).
func (cs *Counters) Forget(db, obj int32) {
	cs.mu.Lock()
	delete(cs.m, [2]int32{db, obj})
	cs.mu.Unlock()
}

// Table is a stored table bound to a transaction.
type Table struct {
	DB  int32
	Obj *catalog.Object
	Txn storage.Txn
}

func (t *Table) def() *catalog.Table { return t.Obj.Table }

// rowPrefix is where rows live (index 0).
func (t *Table) rowPrefix() []byte { return catalog.IndexPrefix(nil, t.DB, t.Obj.ID, 0) }

// Scan calls f with each row and its storage key.
func (t *Table) Scan(f func(key []byte, row []types.Value) error) error {
	p := t.rowPrefix()
	it := t.Txn.Scan(p, catalog.PrefixEnd(p), false)
	defer it.Close()
	// Each row gets its own slice (consumers may keep it), sized once so
	// decoding does not grow it column by column.
	ncols := len(t.def().Columns)
	for it.Next() {
		row := DecodeRow(it.Value(), make([]types.Value, 0, ncols))
		if err := f(it.Key(), row); err != nil {
			return err
		}
	}
	return it.Err()
}

// Get reads the row stored under key.
func (t *Table) Get(key []byte) ([]types.Value, bool, error) {
	v, ok, err := t.Txn.Get(key)
	if err != nil || !ok {
		return nil, ok, err
	}
	return DecodeRow(v, make([]types.Value, 0, len(t.def().Columns))), true, nil
}

func (t *Table) keyVals(ix *catalog.Index, row []types.Value) ([]types.Value, []bool) {
	vals := make([]types.Value, len(ix.Columns))
	desc := make([]bool, len(ix.Columns))
	for i, c := range ix.Columns {
		vals[i] = row[c.Column]
		desc[i] = c.Desc
	}
	return vals, desc
}

// rowKey computes the storage key of row (clustered key or new row id).
func (t *Table) rowKey(cs *Counters, row []types.Value) ([]byte, error) {
	k := t.rowPrefix()
	ix := t.def().Clustered()
	if ix != nil {
		vals, desc := t.keyVals(ix, row)
		var err error
		if k, err = appendStoreKey(k, vals, desc, storeColls(t.def(), ix)); err != nil {
			return nil, err
		}
		if ix.Unique {
			return k, nil
		}
		// A non-unique clustered key gets a uniquifier, as in SQL Server.
	}
	cs.mu.Lock()
	c := cs.get(t.DB, t.Obj.ID)
	if !c.ridInit {
		c.ridInit = true
		p := t.rowPrefix()
		if ix == nil {
			it := t.Txn.Scan(p, catalog.PrefixEnd(p), true)
			if it.Next() && len(it.Key()) >= len(p)+8 {
				c.rowID = int64(binary.BigEndian.Uint64(it.Key()[len(p):]))
			}
			it.Close()
		} else {
			// Uniquifiers trail each key: find the largest.
			it := t.Txn.Scan(p, catalog.PrefixEnd(p), false)
			for it.Next() {
				if key := it.Key(); len(key) >= 8 {
					if n := int64(binary.BigEndian.Uint64(key[len(key)-8:])); n > c.rowID {
						c.rowID = n
					}
				}
			}
			it.Close()
		}
	}
	c.rowID++
	id := c.rowID
	cs.mu.Unlock()
	return binary.BigEndian.AppendUint64(k, uint64(id)), nil
}

// NextIdentity returns the next identity value for column col.
func (t *Table) NextIdentity(cs *Counters, col int) (int64, error) {
	id := t.def().Columns[col].Identity
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c := cs.get(t.DB, t.Obj.ID)
	if !c.idInit {
		c.idInit = true
		c.identity = id.Seed - id.Increment
		seen := false
		err := t.Scan(func(_ []byte, row []types.Value) error {
			v := row[col]
			if v.K == types.KindNull {
				return nil
			}
			n := v.I
			if v.K == types.KindDecimal {
				n, _ = v.Dec.Int64()
			}
			if !seen || (id.Increment > 0 && n > c.identity) || (id.Increment < 0 && n < c.identity) {
				c.identity = n
				seen = true
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	c.identity += id.Increment
	return c.identity, nil
}

// SetIdentityAtLeast moves the identity past an explicitly inserted value
// (IDENTITY_INSERT).
func (t *Table) SetIdentityAtLeast(cs *Counters, v int64) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c := cs.get(t.DB, t.Obj.ID)
	if c.idInit && v > c.identity {
		c.identity = v
	}
}

// indexKey is the key of row's entry in nonclustered index ix.
// It is nil (no entry) when a filtered index's predicate excludes row.
func (t *Table) indexKey(ix *catalog.Index, row []types.Value, rowKey []byte) ([]byte, error) {
	if ix.Filter != "" {
		if in, err := t.inFilter(ix, row); err != nil || !in {
			return nil, err
		}
	}
	vals, desc := t.keyVals(ix, row)
	k, err := appendStoreKey(catalog.IndexPrefix(nil, t.DB, t.Obj.ID, ix.ID), vals, desc, storeColls(t.def(), ix))
	if err != nil {
		return nil, err
	}
	if !ix.Unique {
		k = append(k, rowKey...)
	}
	return k, nil
}

func dupValue(vals []types.Value) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		switch v.K {
		case types.KindNull:
			parts[i] = "<NULL>"
		case types.KindBytes:
			// binary keys (and hierarchyid) show as 0x… literals
			parts[i] = "0x" + strings.ToUpper(hex.EncodeToString(v.B))
		default:
			parts[i] = ToString(v, types.Type{})
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func (t *Table) objName() string { return t.Obj.Schema + "." + t.Obj.Name }

func (t *Table) dupErr(ix *catalog.Index, row []types.Value) *msgs.Error {
	vals, _ := t.keyVals(ix, row)
	if ix.Constraint {
		kind := "UNIQUE KEY"
		if ix.Primary {
			kind = "PRIMARY KEY"
		}
		return msgs.New(2627, kind, ix.Name, t.objName(), dupValue(vals))
	}
	return msgs.New(2601, t.objName(), ix.Name, dupValue(vals))
}

// Insert stores a new row and its index entries.
func (t *Table) Insert(cs *Counters, row []types.Value) (*msgs.Error, error) {
	key, err := t.rowKey(cs, row)
	if err != nil {
		return nil, err
	}
	if ix := t.def().Clustered(); ix != nil && ix.Unique {
		if _, ok, err := t.Txn.GetForUpdate(key); err != nil {
			return nil, err
		} else if ok {
			return t.dupErr(ix, row), nil
		}
	}
	for i := range t.def().Indexes {
		ix := &t.def().Indexes[i]
		if ix.Clustered {
			continue
		}
		ik, err := t.indexKey(ix, row, key)
		if err != nil {
			return nil, err
		}
		if ik == nil {
			continue
		}
		if m, err := t.putIndexEntry(ix, ik, key[len(t.rowPrefix()):], row); m != nil || err != nil {
			return m, err
		}
	}
	return nil, t.Txn.Set(key, EncodeRow(nil, row))
}

// Delete removes the row stored under key and its index entries.
func (t *Table) Delete(key []byte, row []types.Value) error {
	for i := range t.def().Indexes {
		ix := &t.def().Indexes[i]
		if ix.Clustered {
			continue
		}
		ik, err := t.indexKey(ix, row, key)
		if err != nil {
			return err
		}
		if ik == nil {
			continue
		}
		if err := t.Txn.Delete(ik); err != nil {
			return err
		}
	}
	return t.Txn.Delete(key)
}

// Update replaces the row under key (old) with row (new). When the row
// keeps its storage key (a heap row, or unchanged clustered key columns)
// it is rewritten in place and only the index entries whose keys changed
// are moved: a row keeps its identity (a non-unique clustered key keeps
// its uniquifier, which dynamic cursors navigate by) and an update of
// non-key columns writes one key instead of one per index.
func (t *Table) Update(cs *Counters, key []byte, old, row []types.Value) (*msgs.Error, error) {
	same, err := t.keepsRowKey(key, row)
	if err != nil {
		return nil, err
	}
	if !same {
		if err := t.Delete(key, old); err != nil {
			return nil, err
		}
		return t.Reinsert(cs, key, row)
	}
	suffix := key[len(t.rowPrefix()):]
	for i := range t.def().Indexes {
		ix := &t.def().Indexes[i]
		if ix.Clustered {
			continue
		}
		oik, err := t.indexKey(ix, old, key)
		if err != nil {
			return nil, err
		}
		nik, err := t.indexKey(ix, row, key)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(oik, nik) {
			continue
		}
		if oik != nil {
			if err := t.Txn.Delete(oik); err != nil {
				return nil, err
			}
		}
		if nik == nil {
			continue
		}
		if m, err := t.putIndexEntry(ix, nik, suffix, row); m != nil || err != nil {
			return m, err
		}
	}
	return nil, t.Txn.Set(key, EncodeRow(nil, row))
}

// keepsRowKey reports whether row's storage key is still key: always for
// a heap (rows keep their row id), and for a clustered table when the
// clustered key columns encode the same (the uniquifier of a non-unique
// clustered key is kept).
func (t *Table) keepsRowKey(key []byte, row []types.Value) (bool, error) {
	ix := t.def().Clustered()
	if ix == nil {
		return true, nil
	}
	vals, desc := t.keyVals(ix, row)
	k, err := appendStoreKey(t.rowPrefix(), vals, desc, storeColls(t.def(), ix))
	if err != nil {
		return false, err
	}
	if ix.Unique {
		return bytes.Equal(k, key), nil
	}
	return len(key) == len(k)+8 && bytes.Equal(k, key[:len(k)]), nil
}

// Reinsert stores the new version of a row Delete removed from under key:
// a heap row keeps its row id, a clustered row moves to its new key. A
// set-based UPDATE that shifts unique keys (SET id = id + 1) deletes every
// old row first and then reinserts, so keys only collide when the final
// state has duplicates.
func (t *Table) Reinsert(cs *Counters, key []byte, row []types.Value) (*msgs.Error, error) {
	if t.def().Clustered() == nil {
		// keep the row id
		for i := range t.def().Indexes {
			ix := &t.def().Indexes[i]
			ik, err := t.indexKey(ix, row, key)
			if err != nil {
				return nil, err
			}
			if ik == nil {
				continue
			}
			if m, err := t.putIndexEntry(ix, ik, key[len(t.rowPrefix()):], row); m != nil || err != nil {
				return m, err
			}
		}
		return nil, t.Txn.Set(key, EncodeRow(nil, row))
	}
	return t.Insert(cs, row)
}

// SeekUnique returns the row whose unique index ix has exactly vals.
func (t *Table) SeekUnique(ix *catalog.Index, vals []types.Value) ([]byte, []types.Value, bool, error) {
	desc := keyDesc(ix)
	colls := storeColls(t.def(), ix)
	if ix.Clustered {
		key, err := appendStoreKey(t.rowPrefix(), vals, desc, colls)
		if err != nil {
			return nil, nil, false, err
		}
		row, ok, err := t.Get(key)
		return key, row, ok, err
	}
	ik, err := appendStoreKey(catalog.IndexPrefix(nil, t.DB, t.Obj.ID, ix.ID), vals, desc, colls)
	if err != nil {
		return nil, nil, false, err
	}
	suffix, ok, err := t.Txn.Get(ik)
	if err != nil || !ok {
		return nil, nil, ok, err
	}
	key := append(t.rowPrefix(), suffix...)
	row, ok, err := t.Get(key)
	return key, row, ok, err
}

// BuildIndex writes entries of a new index for every existing row.
func (t *Table) BuildIndex(ix *catalog.Index) (*msgs.Error, error) {
	var merr *msgs.Error
	err := t.Scan(func(key []byte, row []types.Value) error {
		ik, err := t.indexKey(ix, row, key)
		if err != nil || ik == nil {
			return err
		}
		if ix.Unique {
			if _, ok, err := t.Txn.Get(ik); err != nil {
				return err
			} else if ok {
				vals, _ := t.keyVals(ix, row)
				merr = msgs.New(1505, t.Obj.Name, ix.Name, dupValue(vals))
				return errStop
			}
		}
		return t.Txn.Set(append([]byte(nil), ik...), append([]byte(nil), key[len(t.rowPrefix()):]...))
	})
	if err == errStop {
		err = nil
	}
	return merr, err
}

// DropIndex deletes all entries of an index.
func (t *Table) DropIndex(ix *catalog.Index) error {
	p := catalog.IndexPrefix(nil, t.DB, t.Obj.ID, ix.ID)
	return catalog.DeleteRange(t.Txn, p, catalog.PrefixEnd(p))
}

// GetForUpdate reads the latest committed version of the row under key,
// locking it (UPDATE/DELETE under read-committed snapshot).
func (t *Table) GetForUpdate(key []byte) ([]types.Value, bool, error) {
	v, ok, err := t.Txn.GetForUpdate(key)
	if err != nil || !ok {
		return nil, ok, err
	}
	return DecodeRow(v, nil), true, nil
}

// putIndexEntry writes a nonclustered index entry pointing at a row (its
// storage key without the row prefix), refusing a duplicate in a unique
// index (Msg 2601/2627).
func (t *Table) putIndexEntry(ix *catalog.Index, ik, rowSuffix []byte, row []types.Value) (*msgs.Error, error) {
	if ix.Unique {
		if _, ok, err := t.Txn.GetForUpdate(ik); err != nil {
			return nil, err
		} else if ok {
			return t.dupErr(ix, row), nil
		}
	}
	return nil, t.Txn.Set(ik, rowSuffix)
}
