package proc

import "github.com/tsqld/tsqld/sql/catalog"

// tempUndo is one change of the session's #object names inside a
// transaction: the name and what it named before (nil = nothing).
type tempUndo struct {
	name string
	prev *catalog.Object
}

// setTemp names a session #object (nil removes the name), remembering the
// previous binding while a transaction is open so ROLLBACK (or a failed
// statement) removes a #table it created and restores one it dropped, as
// in SQL Server.
func (s *Session) setTemp(name string, o *catalog.Object) {
	if s.tx != nil {
		s.tx.temps = append(s.tx.temps, tempUndo{name: name, prev: s.temps[name]})
	}
	if o == nil {
		delete(s.temps, name)
		return
	}
	s.temps[name] = o
}

// undoTemps restores the names changed after the first n undo entries.
func (s *Session) undoTemps(tx *txnState, n int) {
	for i := len(tx.temps) - 1; i >= n; i-- {
		u := tx.temps[i]
		if u.prev == nil {
			delete(s.temps, u.name)
		} else {
			s.temps[u.name] = u.prev
		}
	}
	tx.temps = tx.temps[:n]
}
