package proc

import (
	"context"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// cascadeState carries one DELETE or UPDATE statement's referential
// actions: the child rows it already rewrote (so that a key shifted onto
// another parent's old key is not cascaded twice, as a set-based update
// would not) and the AFTER triggers of the tables it touched, fired when
// the statement's own triggers have run.
type cascadeState struct {
	done map[string]bool
	trg  []*trigCollector
	line int32
	// refs caches, per parent table id, the enabled foreign keys that
	// reference it: looked up once per statement, not once per row.
	refs map[int32][]fkRef
}

// fkRef is a foreign key, the child table that holds it, and the child's
// index led by the referencing columns (nil: none; order maps its key
// columns to the foreign key's).
type fkRef struct {
	child *catalog.Object
	fk    *catalog.ForeignKey
	ix    *catalog.Index
	order []int
}

// referencing lists the enabled foreign keys of database d that
// reference table parent.
func (cs *cascadeState) referencing(s *Session, d *catalog.Database, parent int32) []fkRef {
	if refs, ok := cs.refs[parent]; ok {
		return refs
	}
	var refs []fkRef
	for _, other := range s.cat().Objects(d) {
		if other.Kind != catalog.KindTable {
			continue
		}
		for fi := range other.Table.ForeignKeys {
			if fk := &other.Table.ForeignKeys[fi]; fk.RefObject == parent && !fk.Disabled {
				ix, order := exec.IndexWithPrefix(other.Table, fk.Columns)
				refs = append(refs, fkRef{child: other, fk: fk, ix: ix, order: order})
			}
		}
	}
	if cs.refs == nil {
		cs.refs = map[int32][]fkRef{}
	}
	cs.refs[parent] = refs
	return refs
}

func newCascadeState(line int32) *cascadeState { return &cascadeState{line: line} }

func (cs *cascadeState) collector(s *Session, t *dmlTarget, ev string, cols []int) *trigCollector {
	for _, tc := range cs.trg {
		if tc.t.obj.ID == t.obj.ID && tc.ev == ev {
			return tc
		}
	}
	tc := s.triggers(t, ev)
	if tc == nil || tc.insteadOf() {
		return nil
	}
	tc.setUpdated(cols)
	cs.trg = append(cs.trg, tc)
	return tc
}

// fire runs the triggers of the cascaded tables.
func (cs *cascadeState) fire(ctx context.Context, w result.Writer, rc *runCtx) (*stmtError, error) {
	if cs == nil {
		return nil, nil
	}
	for _, tc := range cs.trg {
		if serr, err := tc.fire(ctx, w, rc); serr != nil || err != nil {
			return serr, err
		}
	}
	return nil, nil
}

type fkHit struct {
	key []byte
	row []types.Value
}

// referencedBy applies the foreign keys that reference t to a parent row
// being deleted (nrow nil) or having its key updated to nrow: a key with
// NO ACTION refuses the change (Msg 547) when a child row references row;
// CASCADE deletes or re-keys the child rows, SET NULL and SET DEFAULT
// rewrite their referencing columns — each recursively for the children's
// own referencing keys.
func (s *Session) referencedBy(c *exec.Ctx, t *dmlTarget, row, nrow []types.Value, verb string, cs *cascadeState) *msgs.Error {
	d := s.cat().DatabaseByID(t.db)
	if d == nil || t.obj.ID < 0 {
		return nil
	}
	for _, ref := range cs.referencing(s, d, t.obj.ID) {
		other, fk := ref.child, ref.fk
		act := fk.OnDelete
		if nrow != nil {
			act = fk.OnUpdate
			if !refColsChanged(t.obj.Table, fk, row, nrow) {
				continue
			}
		}
		hits, m := s.fkChildren(c, t, ref, row, cs, act != "")
		if m != nil {
			return m
		}
		if len(hits) == 0 {
			continue
		}
		if act == "" {
			col := ""
			if len(fk.Columns) == 1 {
				col = other.Table.Columns[fk.Columns[0]].Name
			}
			a, b, cc := colPart(col)
			return msgs.NewTypical(547, verb, "REFERENCE", fk.Name, d.Name, other.Schema+"."+other.Name, a, b, cc)
		}
		if m := s.applyRefAction(c, t, other, fk, act, nrow, hits, cs); m != nil {
			return m
		}
	}
	return nil
}

// refColsChanged reports whether an update changes the parent columns fk
// references.
func refColsChanged(def *catalog.Table, fk *catalog.ForeignKey, row, nrow []types.Value) bool {
	for _, rc := range fk.RefColumns {
		a, b := row[rc], nrow[rc]
		if a.K != b.K || (a.K != types.KindNull && exec.Compare(a, b, def.Columns[rc].Type) != 0) {
			return true
		}
	}
	return false
}

// fkChildren finds the rows of other whose fk columns equal row's
// referenced columns; with all false it stops at the first.
func (s *Session) fkChildren(c *exec.Ctx, t *dmlTarget, ref fkRef, row []types.Value, cs *cascadeState, all bool) ([]fkHit, *msgs.Error) {
	other, fk := ref.child, ref.fk
	ot := c.TableFor(t.db, other)
	var hits []fkHit
	visit := func(key []byte, orow []types.Value) error {
		for i, ci := range fk.Columns {
			a, b := orow[ci], row[fk.RefColumns[i]]
			if a.K == types.KindNull || b.K == types.KindNull {
				return nil
			}
			cb, cerr := exec.Convert(b, t.obj.Table.Columns[fk.RefColumns[i]].Type, other.Table.Columns[ci].Type)
			if cerr != nil || exec.Compare(a, cb, other.Table.Columns[ci].Type) != 0 {
				return nil
			}
		}
		if cs != nil && cs.done != nil && cs.done[doneKey(other, orow)] {
			return nil
		}
		r := make([]types.Value, len(orow))
		for i := range orow {
			r[i] = cloneVal(orow[i])
		}
		hits = append(hits, fkHit{key: append([]byte(nil), key...), row: r})
		if !all {
			return errFound
		}
		return nil
	}
	var err error
	if ix, order := ref.ix, ref.order; ix != nil {
		// An index led by the referencing columns: seek the parent's
		// key instead of scanning the child table.
		vals := make([]types.Value, len(order))
		for j, k := range order {
			pv := row[fk.RefColumns[k]]
			if pv.K == types.KindNull {
				return nil, nil
			}
			cv, cerr := exec.Convert(pv, t.obj.Table.Columns[fk.RefColumns[k]].Type, other.Table.Columns[fk.Columns[k]].Type)
			if cerr != nil {
				return nil, nil // no child value can equal it
			}
			vals[j] = cv
		}
		err = ot.ScanKeyPrefix(ix, vals, visit)
	} else {
		err = ot.Scan(visit)
	}
	if err != nil && err != errFound {
		if m := storageError(err); m != nil {
			return nil, m
		}
		return nil, msgs.New(8180)
	}
	return hits, nil
}

func doneKey(o *catalog.Object, row []types.Value) string {
	var b []byte
	b = append(b, byte(o.ID), byte(o.ID>>8), byte(o.ID>>16), byte(o.ID>>24))
	return string(exec.EncodeRow(b, row))
}

// applyRefAction runs one foreign key's action on the child rows hits.
func (s *Session) applyRefAction(c *exec.Ctx, t *dmlTarget, other *catalog.Object, fk *catalog.ForeignKey, act string, nrow []types.Value, hits []fkHit, cs *cascadeState) *msgs.Error {
	ct := &dmlTarget{db: t.db, obj: other, alias: other.Name, cols: tableCols(other, other.Name)}
	ot := c.TableFor(t.db, other)
	if act == "CASCADE" && nrow == nil {
		tc := cs.collector(s, ct, "DELETE", nil)
		for _, h := range hits {
			if m := s.referencedBy(c, ct, h.row, nil, "DELETE", cs); m != nil {
				return m
			}
			if err := ot.Delete(h.key, h.row); err != nil {
				if m := storageError(err); m != nil {
					return m
				}
				return msgs.New(8180)
			}
			tc.add(nil, h.row)
		}
		return nil
	}
	tc := cs.collector(s, ct, "UPDATE", fk.Columns)
	chk := &rowChecker{s: s, t: ct, verb: "UPDATE"}
	for _, h := range hits {
		nr := make([]types.Value, len(h.row))
		copy(nr, h.row)
		for i, ci := range fk.Columns {
			switch act {
			case "CASCADE":
				v, m := exec.Convert(nrow[fk.RefColumns[i]], t.obj.Table.Columns[fk.RefColumns[i]].Type, other.Table.Columns[ci].Type)
				if m != nil {
					return m
				}
				nr[ci] = v
			case "SET NULL":
				nr[ci] = types.Null
			case "SET DEFAULT":
				v, serr := s.columnDefault(c, other.Table, ci, cs.line)
				if serr != nil {
					return serr.e
				}
				nr[ci] = v
			}
		}
		if act == "SET DEFAULT" {
			// The default must itself reference an existing parent row.
			if m := chk.checkFK(c, fk, nr); m != nil {
				return m
			}
		}
		if m := s.referencedBy(c, ct, h.row, nr, "UPDATE", cs); m != nil {
			return m
		}
		m, err := ot.Update(s.srv.counters, h.key, h.row, nr)
		if err != nil {
			if sm := storageError(err); sm != nil {
				return sm
			}
			return msgs.New(8180)
		}
		if m != nil {
			return m
		}
		if cs.done == nil {
			cs.done = map[string]bool{}
		}
		cs.done[doneKey(other, nr)] = true
		tc.add(nr, h.row)
	}
	return nil
}
