package proc

import (
	"context"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

type storageTxn = storage.Txn

// frame holds the variables of one batch or procedure invocation. Slots
// are assigned in declaration order; sig describes the layout so cached
// bound plans are reused only with the same layout.
type frame struct {
	names  map[string]int // lower-case name with '@' → slot
	types  []types.Type
	vals   []types.Value
	decl   []ast.Node // declaring node per slot (re-running a DECLARE in a loop is fine)
	tables map[string]*catalog.Object
	sig    strings.Builder
}

func newFrame(_ *frame) *frame {
	return &frame{names: map[string]int{}, tables: map[string]*catalog.Object{}}
}

// declare adds a variable; ok=false when the name exists from another
// declaration (Msg 134).
func (f *frame) declare(name string, t types.Type, by ast.Node) (slot int, ok bool) {
	ln := strings.ToLower(name)
	if i, exists := f.names[ln]; exists {
		return i, f.decl[i] == by
	}
	f.names[ln] = len(f.vals)
	f.types = append(f.types, t)
	f.vals = append(f.vals, types.Null)
	f.decl = append(f.decl, by)
	f.sig.WriteString(ln)
	f.sig.WriteByte(':')
	f.sig.WriteString(strconv.Itoa(int(t.ID)))
	f.sig.WriteByte(',')
	return len(f.vals) - 1, true
}

func (f *frame) lookup(name string) (int, bool) {
	i, ok := f.names[strings.ToLower(name)]
	return i, ok
}

// releaseFrame deletes the rows of a frame's table variables when its
// batch or procedure ends.
func (s *Session) releaseFrame(f *frame) {
	s.releaseCursors(f)
	if len(f.tables) == 0 {
		return
	}
	others := false
	for _, o := range f.tables {
		if o.TableVar {
			s.deleteTableVar(o) // tablevar_store.go
		} else {
			others = true
		}
	}
	s.commitTableVars()
	if !others {
		return
	}
	txn := (storageTxn)(nil)
	own := false
	if s.tx != nil {
		txn = s.tempTxn()
	} else {
		t, err := s.srv.temp.Begin(context.Background(), txnOpts(&s.opts))
		if err != nil {
			return
		}
		txn, own = t, true
	}
	for _, o := range f.tables {
		if o.TableVar {
			continue
		}
		p := catalog.TablePrefix(catalog.TempDBID, o.ID)
		catalog.DeleteRange(txn, p, catalog.PrefixEnd(p))
		s.srv.counters.Forget(catalog.TempDBID, o.ID)
	}
	if own {
		txn.Commit()
	}
}
