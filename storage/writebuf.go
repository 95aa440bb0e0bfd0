package storage

import "github.com/tsqld/tsqld/storage/internal/kvtree"

// Copies of written keys and values go to arena chunks: one allocation
// serves many small writes. Chunks start small (most autocommit
// transactions write one row) and double up to arenaMaxChunk.
const (
	arenaMinChunk = 256
	arenaMaxChunk = 16 << 10
)

// writeBuffer is a transaction's uncommitted writes: an ordered tree (so
// scans can merge it with the snapshot) plus an undo log for savepoints.
type writeBuffer struct {
	tree  *kvtree.Tree // nil until the first write
	arena []byte

	// undo records, in order, the previous buffer state of each key
	// written since the first Savepoint; RollbackTo replays it backwards.
	// Nothing is logged before a savepoint exists, so transactions that
	// never use one pay nothing.
	logging bool
	undo    []undoRecord
}

type undoRecord struct {
	key     []byte
	prev    kvtree.Item
	existed bool
}

// copyBytes copies b into the arena. Arena bytes are never overwritten, so
// the copies can be handed out (Get) and retained by the backend (Apply).
func (w *writeBuffer) copyBytes(b []byte) []byte {
	if len(b) == 0 {
		return []byte{}
	}
	if len(b) > arenaMaxChunk/4 {
		return append([]byte(nil), b...)
	}
	if cap(w.arena)-len(w.arena) < len(b) {
		size := min(max(2*cap(w.arena), arenaMinChunk), arenaMaxChunk)
		for size < len(b) {
			size *= 2
		}
		w.arena = make([]byte, 0, size)
	}
	n := len(w.arena)
	w.arena = append(w.arena, b...)
	return w.arena[n : n+len(b) : n+len(b)]
}

func (w *writeBuffer) len() int {
	if w.tree == nil {
		return 0
	}
	return w.tree.Len()
}

func (w *writeBuffer) get(key []byte) (kvtree.Item, bool) {
	if w.tree == nil {
		return kvtree.Item{}, false
	}
	return w.tree.Get(kvtree.Item{Key: key})
}

func (w *writeBuffer) put(key, value []byte, del bool) {
	if w.tree == nil {
		w.tree = kvtree.New()
	}
	it := kvtree.Item{Key: w.copyBytes(key), Delete: del}
	if !del {
		it.Value = w.copyBytes(value)
	}
	prev, existed := w.tree.Set(it)
	if w.logging {
		w.undo = append(w.undo, undoRecord{key: it.Key, prev: prev, existed: existed})
	}
}

func (w *writeBuffer) savepoint() Savepoint {
	w.logging = true
	return Savepoint(len(w.undo))
}

func (w *writeBuffer) rollbackTo(sp Savepoint) error {
	if !w.logging || sp < 0 || int(sp) > len(w.undo) {
		return ErrBadSavepoint
	}
	for i := len(w.undo) - 1; i >= int(sp); i-- {
		u := &w.undo[i]
		if u.existed {
			w.tree.Set(u.prev)
		} else {
			w.tree.Delete(kvtree.Item{Key: u.key})
		}
		*u = undoRecord{}
	}
	w.undo = w.undo[:sp]
	return nil
}

// writes returns the buffer as a sorted batch for Base.Apply.
func (w *writeBuffer) writes() []Write {
	out := make([]Write, 0, w.tree.Len())
	w.tree.Scan(func(it kvtree.Item) bool {
		out = append(out, it)
		return true
	})
	return out
}
