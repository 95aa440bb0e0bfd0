package storage

import (
	"bytes"

	"github.com/tsqld/tsqld/storage/internal/kvtree"
)

// mergeIter merges a transaction's write buffer over a snapshot iterator:
// buffered entries win on equal keys and buffered deletions hide keys.
type mergeIter struct {
	buf      kvtree.Iter
	bufOK    bool
	snap     Iterator
	snapOK   bool
	reverse  bool
	advSnap  bool
	key, val []byte
	err      error
}

func newMergeIter(tree *kvtree.Tree, snap Iterator, lower, upper []byte, reverse bool) *mergeIter {
	m := &mergeIter{snap: snap, reverse: reverse}
	// Iterate a copy-on-write copy so later writes by the transaction do
	// not disturb this scan.
	m.buf.Init(tree.Copy(), lower, upper, reverse)
	m.bufOK = m.buf.Next()
	m.snapOK = snap.Next()
	return m
}

func (m *mergeIter) Next() bool {
	// The snapshot iterator's key/value stay valid only until its next
	// Next, so it is advanced lazily; buffer items live in the arena.
	if m.advSnap {
		m.advSnap = false
		m.snapOK = m.snap.Next()
	}
	for {
		if m.err != nil {
			return false
		}
		if !m.bufOK && !m.snapOK {
			m.key, m.val = nil, nil
			return false
		}
		var c int
		switch {
		case !m.bufOK:
			c = 1 // snapshot only
		case !m.snapOK:
			c = -1 // buffer only
		default:
			c = bytes.Compare(m.buf.Item().Key, m.snap.Key())
			if m.reverse {
				c = -c
			}
		}
		if c > 0 {
			m.key, m.val = m.snap.Key(), m.snap.Value()
			m.advSnap = true
			return true
		}
		it := m.buf.Item()
		m.bufOK = m.buf.Next()
		if c == 0 {
			m.snapOK = m.snap.Next()
		}
		if it.Delete {
			continue
		}
		m.key, m.val = it.Key, it.Value
		return true
	}
}

func (m *mergeIter) Key() []byte   { return m.key }
func (m *mergeIter) Value() []byte { return m.val }
func (m *mergeIter) Err() error {
	if m.err != nil {
		return m.err
	}
	return m.snap.Err()
}

func (m *mergeIter) Close() error {
	m.buf.Close()
	return m.snap.Close()
}

// errIter is an empty iterator that reports err.
type errIter struct{ err error }

func (e errIter) Next() bool    { return false }
func (e errIter) Key() []byte   { return nil }
func (e errIter) Value() []byte { return nil }
func (e errIter) Err() error    { return e.err }
func (e errIter) Close() error  { return nil }
