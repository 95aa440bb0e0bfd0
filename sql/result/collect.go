package result

import (
	"fmt"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// ResultSet is one result set a Collector received.
type ResultSet struct {
	Columns []Column
	Rows    [][]types.Value
	Done    *Done
}

// Event is one call a Collector received, in order.
type Event struct {
	Columns      []Column
	Row          []types.Value
	Done         *Done
	Message      *msgs.Error
	EnvChange    *EnvChange
	ReturnStatus *int32
	ReturnValue  *ReturnValue
}

// Collector is a Writer that records everything (tests, embedders that
// want whole results). Rows are copied.
type Collector struct {
	Events []Event
}

func (c *Collector) Columns(cols []Column) error {
	c.Events = append(c.Events, Event{Columns: append([]Column(nil), cols...)})
	return nil
}

func (c *Collector) Row(row []types.Value) error {
	r := make([]types.Value, len(row))
	for i, v := range row {
		if v.B != nil {
			v.B = append([]byte(nil), v.B...)
		}
		if v.K == types.KindDecimal {
			d := v.Dec
			v.Dec.Set(&d)
		}
		r[i] = v
	}
	c.Events = append(c.Events, Event{Row: r})
	return nil
}

func (c *Collector) Done(d Done) error {
	c.Events = append(c.Events, Event{Done: &d})
	return nil
}

func (c *Collector) Message(m *msgs.Error) error {
	cp := *m
	c.Events = append(c.Events, Event{Message: &cp})
	return nil
}

func (c *Collector) EnvChange(e EnvChange) error {
	c.Events = append(c.Events, Event{EnvChange: &e})
	return nil
}

func (c *Collector) ReturnStatus(s int32) error {
	c.Events = append(c.Events, Event{ReturnStatus: &s})
	return nil
}

func (c *Collector) ReturnValue(rv ReturnValue) error {
	c.Events = append(c.Events, Event{ReturnValue: &rv})
	return nil
}

// Reset forgets everything received.
func (c *Collector) Reset() { c.Events = nil }

// ResultSets groups the received columns and rows into result sets.
func (c *Collector) ResultSets() []ResultSet {
	var out []ResultSet
	var cur *ResultSet
	for _, e := range c.Events {
		switch {
		case e.Columns != nil:
			out = append(out, ResultSet{Columns: e.Columns})
			cur = &out[len(out)-1]
		case e.Row != nil && cur != nil:
			cur.Rows = append(cur.Rows, e.Row)
		case e.Done != nil && cur != nil:
			cur.Done = e.Done
			cur = nil
		}
	}
	return out
}

// Errors returns the messages with severity > 10.
func (c *Collector) Errors() []*msgs.Error {
	var out []*msgs.Error
	for _, e := range c.Events {
		if e.Message != nil && e.Message.Severity > 10 {
			out = append(out, e.Message)
		}
	}
	return out
}

// Messages returns every message (info and errors).
func (c *Collector) Messages() []*msgs.Error {
	var out []*msgs.Error
	for _, e := range c.Events {
		if e.Message != nil {
			out = append(out, e.Message)
		}
	}
	return out
}

// FormatValue renders a value for test output (NULL, numbers, text).
func FormatValue(v types.Value) string {
	switch v.K {
	case types.KindNull:
		return "NULL"
	case types.KindBool, types.KindInt:
		return fmt.Sprint(v.I)
	case types.KindFloat:
		return fmt.Sprint(v.F)
	case types.KindDecimal:
		return v.Dec.Text('f')
	case types.KindMoney:
		neg := v.I < 0
		n := v.I
		if neg {
			n = -n
		}
		s := fmt.Sprintf("%d.%04d", n/10000, n%10000)
		if neg {
			s = "-" + s
		}
		return s
	case types.KindString:
		return v.S
	case types.KindBytes, types.KindGUID:
		return fmt.Sprintf("0x%X", v.B)
	case types.KindDateTime:
		return fmt.Sprintf("ticks:%d", v.I)
	case types.KindVariant:
		if v.Var != nil {
			return FormatValue(v.Var.Value)
		}
	}
	return "?"
}

// String renders everything received in a stable, readable form (golden
// tests): result sets as header + rows, messages as "Msg n, Level s,
// State t, Line l: text", row counts as "(n rows affected)".
func (c *Collector) String() string {
	var b strings.Builder
	for _, e := range c.Events {
		switch {
		case e.Columns != nil:
			names := make([]string, len(e.Columns))
			for i, col := range e.Columns {
				names[i] = col.Name
			}
			b.WriteString(strings.Join(names, " | "))
			b.WriteByte('\n')
		case e.Row != nil:
			vals := make([]string, len(e.Row))
			for i, v := range e.Row {
				vals[i] = FormatValue(v)
			}
			b.WriteString(strings.Join(vals, " | "))
			b.WriteByte('\n')
		case e.Done != nil:
			if e.Done.HasCount {
				fmt.Fprintf(&b, "(%d rows affected)\n", e.Done.Count)
			}
		case e.Message != nil:
			m := e.Message
			if m.Severity <= 10 && m.Number == 0 {
				fmt.Fprintf(&b, "%s\n", m.Text)
			} else {
				fmt.Fprintf(&b, "Msg %d, Level %d, State %d, Line %d: %s\n", m.Number, m.Severity, m.State, m.Line, m.Text)
			}
		case e.ReturnStatus != nil:
			fmt.Fprintf(&b, "return status %d\n", *e.ReturnStatus)
		case e.ReturnValue != nil:
			fmt.Fprintf(&b, "return value %s = %s\n", e.ReturnValue.Name, FormatValue(e.ReturnValue.Value))
		}
	}
	return b.String()
}
