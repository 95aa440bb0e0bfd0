package types

import (
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Shorthand constructors for tables.
func vs(s string) Value  { return StringValue(s) }
func vi(i int64) Value   { return IntValue(i) }
func vf(f float64) Value { return FloatValue(f) }
func vm(u int64) Value   { return MoneyValue(u) }
func vd(s string) (Value, Type) {
	var v Value
	v.K = KindDecimal
	if _, ok := parseDecimalString(&v.Dec, s); !ok {
		panic(s)
	}
	return v, DecimalLiteralType(s)
}

var vc = NewVarChar(8000)
var nvc = NewNVarChar(4000)

// wantErr checks an error's number and exact text.
func wantErr(t *testing.T, name string, err *msgs.Error, num int32, text string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want Msg %d %q", name, num, text)
		return
	}
	want, ok := wantState[num]
	if !ok {
		want = 1
	}
	if err.Number != num || (text != "" && err.Text != text) || err.Severity != 16 || (num != 8115 && err.State != want) {
		t.Errorf("%s: got Msg %d sev %d state %d %q, want Msg %d %q", name, err.Number, err.Severity, err.State, err.Text, num, text)
	}
}

func asMsg(err error) *msgs.Error {
	if m, ok := err.(*msgs.Error); ok {
		return m
	}
	return nil
}

// wantState is the state SQL Server raises each message with (8115 varies
// by situation and is checked separately).
var wantState = map[int32]uint8{8114: 5, 235: 0, 8169: 2, 529: 2, 257: 3, 206: 2, 242: 3, 220: 2, 8152: 14}
