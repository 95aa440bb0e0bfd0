package proc

import (
	"context"
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Sequence values are not transactional (a rolled-back NEXT VALUE FOR
// still consumes its value, as in SQL Server): the current value lives
// in memory per server and is written through to its own counter key in
// a separate storage transaction, so restarts continue after it.

// seqCounterKind tags a sequence's persisted current value.
const seqCounterKind byte = 'Q'

type seqValue struct {
	cur     int64
	started bool
}

type seqTable struct {
	mu sync.Mutex
	m  map[[2]int32]*seqValue
}

var seqTables sync.Map // *Server → *seqTable

func (s *Server) sequences() *seqTable {
	if v, ok := seqTables.Load(s); ok {
		return v.(*seqTable)
	}
	v, _ := seqTables.LoadOrStore(s, &seqTable{m: map[[2]int32]*seqValue{}})
	return v.(*seqTable)
}

// seqTypeRange is the value range of a sequence's type.
func seqTypeRange(t types.Type) (lo, hi int64, ok bool) {
	switch t.ID {
	case types.TinyInt:
		return 0, 255, true
	case types.SmallInt:
		return math.MinInt16, math.MaxInt16, true
	case types.Int:
		return math.MinInt32, math.MaxInt32, true
	case types.BigInt:
		return math.MinInt64, math.MaxInt64, true
	case types.Decimal, types.Numeric:
		if t.Scale != 0 {
			return 0, 0, false
		}
		if t.Precision >= 19 || t.Precision == 0 {
			return math.MinInt64, math.MaxInt64, true
		}
		hi := int64(1)
		for i := uint8(0); i < t.Precision; i++ {
			hi *= 10
		}
		return -(hi - 1), hi - 1, true
	}
	return 0, 0, false
}

// seqConst evaluates a sequence option (a constant, possibly negative).
func (s *Session) seqConst(ctx context.Context, e ast.Expr, line int32) (int64, *stmtError) {
	v, xt, serr, err := s.evalScalar(ctx, e, line)
	if err != nil || serr != nil {
		if serr == nil {
			serr = msgErr(8180)
		}
		return 0, serr
	}
	cv, cerr := exec.Convert(v, xt.Type(), sem.BigIntType)
	if cerr != nil {
		return 0, stmtErr(cerr)
	}
	return cv.I, nil
}

// createSequence runs CREATE SEQUENCE and ALTER SEQUENCE.
func (s *Session) createSequence(ctx context.Context, x *ast.CreateSequenceStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	line := x.Span.Line
	name := x.Name.Name.Name
	var sq catalog.Sequence
	var old *catalog.Object
	if x.Alter {
		_, o, _ := s.lookupTable(&x.Name)
		if o == nil || o.Kind != catalog.KindSequence {
			return msgErr(208, objText(&x.Name)), nil
		}
		old = o
		sq = *o.Sequence
		if x.Type != nil {
			return msgErr(102, "AS"), nil
		}
		// The running value replaces the stored one.
		st := s.srv.sequences()
		st.mu.Lock()
		if v := st.m[[2]int32{s.db.ID, o.ID}]; v != nil {
			sq.Current, sq.Started = v.cur, v.started
		}
		st.mu.Unlock()
	} else {
		t := sem.BigIntType
		if x.Type != nil {
			b, _ := s.binder(line)
			var serr *stmtError
			func() {
				defer func() {
					if r := recover(); r != nil {
						if e, ok := recoverBind(r); ok {
							serr = stmtErr(e)
							return
						}
						panic(r)
					}
				}()
				t = b.ResolveType(x.Type, false)
			}()
			if serr != nil {
				return serr, nil
			}
		}
		lo, hi, ok := seqTypeRange(t)
		if !ok {
			return msgErr(11702, name), nil
		}
		sq = catalog.Sequence{TypeID: int32(t.ID), Precision: t.Precision, Increment: 1, Min: lo, Max: hi}
	}
	t := types.Type{ID: types.TypeID(sq.TypeID), Precision: sq.Precision}
	lo, hi, _ := seqTypeRange(t)
	var serr *stmtError
	opt := func(e ast.Expr, dst *int64) {
		if e == nil || serr != nil {
			return
		}
		*dst, serr = s.seqConst(ctx, e, line)
	}
	opt(x.Increment, &sq.Increment)
	if x.NoMinValue {
		sq.Min = lo
	}
	if x.NoMaxValue {
		sq.Max = hi
	}
	opt(x.MinValue, &sq.Min)
	opt(x.MaxValue, &sq.Max)
	if serr != nil {
		return serr, nil
	}
	if x.Cycle {
		sq.Cycle = true
	}
	if x.NoCycle {
		sq.Cycle = false
	}
	if x.NoCache {
		sq.NoCache, sq.Cache = true, 0
	}
	if x.Cache != nil {
		opt(x.Cache, &sq.Cache)
		sq.NoCache = false
	}
	if !x.Alter {
		if sq.Increment > 0 {
			sq.Start = sq.Min
		} else {
			sq.Start = sq.Max
		}
		opt(x.Start, &sq.Start)
	}
	restart := false
	if x.Restart {
		restart = true
		if x.RestartVal != nil {
			opt(x.RestartVal, &sq.Start)
		}
	}
	if serr != nil {
		return serr, nil
	}
	span := uint64(sq.Max - sq.Min)
	inc := uint64(sq.Increment)
	if sq.Increment < 0 {
		inc = uint64(-sq.Increment)
	}
	switch {
	case sq.Min < lo || sq.Min > hi:
		return msgErr(11708, "MINVALUE"), nil
	case sq.Max < lo || sq.Max > hi:
		return msgErr(11708, "MAXVALUE"), nil
	case sq.Increment == 0:
		return msgErr(11700, name), nil
	case sq.Min >= sq.Max:
		return msgErr(11705, name), nil
	case inc > span:
		return msgErr(11701, name), nil
	case sq.Start < sq.Min || sq.Start > sq.Max:
		return msgErr(11703, name), nil
	case x.Cache != nil && sq.Cache <= 0:
		return msgErr(11706, name), nil
	}
	if x.Alter && sq.Started && !restart {
		// The next value must still lie in the new range.
		if sq.Current < sq.Min || sq.Current > sq.Max {
			return msgErr(11704, strconv.FormatInt(sq.Current, 10), name), nil
		}
	}
	if !x.Alter || restart {
		sq.Started, sq.Current = false, sq.Start
	}
	seq := sq
	if serr, err := s.putModule(&x.Name, catalog.KindSequence, x.Alter, false, func(o *catalog.Object) { o.Sequence = &seq }, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if old != nil || restart {
		st := s.srv.sequences()
		st.mu.Lock()
		id := int32(0)
		if old != nil {
			id = old.ID
		}
		if id != 0 {
			st.m[[2]int32{s.db.ID, id}] = &seqValue{cur: seq.Current, started: seq.Started}
			s.persistSeq(s.db.ID, id, seq.Current, seq.Started)
		}
		st.mu.Unlock()
	}
	return nil, nil
}

// persistSeq writes a sequence's current value (caller holds st.mu).
func (s *Session) persistSeq(db, id int32, cur int64, started bool) {
	txn, err := s.srv.main.Begin(context.Background(), txnOpts(&s.opts))
	if err != nil {
		return
	}
	k := catalog.CounterKey(db, id, seqCounterKind)
	if !started {
		err = txn.Delete(k)
	} else {
		err = txn.Set(k, binary.BigEndian.AppendUint64(nil, uint64(cur)))
	}
	if err != nil {
		txn.Rollback()
		return
	}
	txn.Commit()
}

// nextValue hands out the next value of a sequence.
func (s *Session) nextValue(db, id int32) (types.Value, *msgs.Error) {
	d := s.cat().DatabaseByID(db)
	if d == nil {
		return types.Null, msgs.New(8180)
	}
	o := s.cat().ObjectByID(d, id)
	if o == nil || o.Sequence == nil {
		return types.Null, msgs.New(208, "sequence")
	}
	sq := o.Sequence
	st := s.srv.sequences()
	st.mu.Lock()
	defer st.mu.Unlock()
	key := [2]int32{db, id}
	v := st.m[key]
	if v == nil {
		v = &seqValue{cur: sq.Current, started: sq.Started}
		if txn, err := s.srv.main.Begin(context.Background(), txnOpts(&s.opts)); err == nil {
			if b, ok, err := txn.Get(catalog.CounterKey(db, id, seqCounterKind)); err == nil && ok && len(b) == 8 {
				v.cur, v.started = int64(binary.BigEndian.Uint64(b)), true
			}
			txn.Rollback()
		}
		st.m[key] = v
	}
	next := v.cur
	if v.started {
		// Overflow-safe step.
		if sq.Increment > 0 && v.cur > sq.Max-sq.Increment || sq.Increment < 0 && v.cur < sq.Min-sq.Increment {
			if !sq.Cycle {
				return types.Null, msgs.New(11728, o.Name)
			}
			if sq.Increment > 0 {
				next = sq.Min
			} else {
				next = sq.Max
			}
		} else {
			next = v.cur + sq.Increment
		}
	}
	v.cur, v.started = next, true
	s.persistSeq(db, id, next, true)
	t := types.Type{ID: types.TypeID(sq.TypeID), Precision: sq.Precision}
	out, cerr := exec.Convert(types.Value{K: types.KindInt, I: next}, sem.BigIntType, t)
	if cerr != nil {
		return types.Null, cerr
	}
	return out, nil
}

// forgetSequence drops a dropped sequence's running value.
func (s *Session) forgetSequence(db, id int32) {
	st := s.srv.sequences()
	st.mu.Lock()
	delete(st.m, [2]int32{db, id})
	s.persistSeq(db, id, 0, false)
	st.mu.Unlock()
}

var _ = strings.ToLower

// SequenceCurrent implements sysobj.SequenceEnv: the running value of a
// sequence (in memory, else the persisted counter).
func (s *Session) SequenceCurrent(d *catalog.Database, o *catalog.Object) (int64, bool, bool) {
	st := s.srv.sequences()
	st.mu.Lock()
	defer st.mu.Unlock()
	if v := st.m[[2]int32{d.ID, o.ID}]; v != nil {
		return v.cur, v.started, true
	}
	txn, err := s.srv.main.Begin(context.Background(), txnOpts(&s.opts))
	if err != nil {
		return 0, false, false
	}
	defer txn.Rollback()
	if b, ok, err := txn.Get(catalog.CounterKey(d.ID, o.ID, seqCounterKind)); err == nil && ok && len(b) == 8 {
		return int64(binary.BigEndian.Uint64(b)), true, true
	}
	return 0, false, false
}
