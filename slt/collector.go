package slt

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// Collector is a result.Writer that keeps the first result set of a batch
// as slt Values and remembers the first error, so an in-process DB is:
//
//	func (d *engineDB) Query(ctx context.Context, q string) (*slt.Rows, error) {
//		var c slt.Collector
//		if err := d.session.Batch(ctx, q, &c); err != nil { return nil, err }
//		return c.Result()
//	}
//
// Exec can use the same Collector and look only at Err.
type Collector struct {
	cols    []result.Column
	rows    [][]Value
	started bool // a result set with columns has begun
	done    bool // the first result set is complete
	err     *msgs.Error
}

// Columns starts a result set; only the first one is kept.
func (c *Collector) Columns(cols []result.Column) error {
	if c.started {
		c.done = true
		return nil
	}
	c.started = true
	c.cols = append(c.cols[:0], cols...)
	return nil
}

// Row converts and keeps one row of the first result set.
func (c *Collector) Row(row []types.Value) error {
	if !c.started || c.done {
		return nil
	}
	out := make([]Value, len(row))
	for i := range row {
		var t types.Type
		if i < len(c.cols) {
			t = c.cols[i].Type
		}
		out[i] = FromEngineValue(&row[i], t)
	}
	c.rows = append(c.rows, out)
	return nil
}

// Done ends a statement; the first result set is complete once its
// statement is done.
func (c *Collector) Done(d result.Done) error {
	if c.started {
		c.done = true
	}
	return nil
}

// Message keeps the first error (severity > 10); informational messages
// are ignored.
func (c *Collector) Message(m *msgs.Error) error {
	if m.Severity > 10 && c.err == nil {
		c.err = m
	}
	return nil
}

func (c *Collector) EnvChange(result.EnvChange) error     { return nil }
func (c *Collector) ReturnStatus(int32) error             { return nil }
func (c *Collector) ReturnValue(result.ReturnValue) error { return nil }
func (c *Collector) Err() error {
	if c.err == nil {
		return nil
	}
	return c.err
}

// Result returns the first result set, or the first error.
func (c *Collector) Result() (*Rows, error) {
	if c.err != nil {
		return nil, c.err
	}
	return &Rows{Columns: len(c.cols), Values: c.rows}, nil
}

// Reset empties the collector for reuse.
func (c *Collector) Reset() { *c = Collector{cols: c.cols[:0]} }

var _ result.Writer = (*Collector)(nil)

// FromEngineValue converts an engine value of type t to a Value.
func FromEngineValue(v *types.Value, t types.Type) Value {
	switch v.K {
	case types.KindNull:
		return Value{}
	case types.KindBool:
		return Value{Kind: Bool, I: v.I}
	case types.KindInt:
		return IntValue(v.I)
	case types.KindFloat:
		return FloatValue(v.F)
	case types.KindDecimal:
		return DecimalValue(types.FormatDecimal(v))
	case types.KindMoney:
		return DecimalValue(types.FormatMoney(v.I, 2))
	case types.KindString:
		return TextValue(v.S)
	case types.KindBytes:
		return Value{Kind: Bytes, B: append([]byte(nil), v.B...)}
	case types.KindGUID:
		return TextValue(types.FormatGUID(v.B))
	case types.KindDateTime:
		s, err := types.FormatDateTime(*v, t, 121)
		if err != nil {
			return TextValue(err.Text)
		}
		return TextValue(s)
	case types.KindVariant:
		if v.Var != nil {
			return FromEngineValue(&v.Var.Value, v.Var.Type)
		}
		return Value{}
	}
	return Value{}
}
