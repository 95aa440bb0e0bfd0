package server

import (
	"math/big"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

func decodeDec(t *testing.T, b []byte, scale uint8) string {
	t.Helper()
	neg, lo, hi, err := tds.DecodeDecimal(b[1:]) // skip the length byte
	if err != nil {
		t.Fatal(err)
	}
	m := new(big.Int).SetUint64(hi)
	m.Lsh(m, 64).Or(m, new(big.Int).SetUint64(lo))
	var d apd.Decimal
	d.Coeff.SetMathBigInt(m)
	d.Exponent = -int32(scale)
	d.Negative = neg
	return d.Text('f')
}

func TestDecimalEncoding(t *testing.T) {
	cases := []struct {
		in         string
		prec, scal uint8
		want       string
	}{
		{"1.5", 10, 2, "1.50"},
		{"-1.005", 10, 2, "-1.01"}, // half away from zero
		{"1.004", 10, 2, "1.00"},
		{"-0.004", 10, 2, "0.00"}, // no negative zero
		{"99999999999999999999999999999999999999", 38, 0, "99999999999999999999999999999999999999"},
		{"-1234567890123456789012345678.9012345678", 38, 10, "-1234567890123456789012345678.9012345678"},
		{"12345678901234567890.123456789", 38, 9, "12345678901234567890.123456789"},
		{"0.5", 5, 0, "1"},
		{"123", 10, 4, "123.0000"},
	}
	for _, c := range cases {
		var v types.Value
		v.K = types.KindDecimal
		if _, _, err := v.Dec.SetString(c.in); err != nil {
			t.Fatal(err)
		}
		e := columnEnc(types.Type{ID: types.Decimal, Precision: c.prec, Scale: c.scal}, tds.Version74)
		b := appendValue(nil, &e, &v)
		if int(b[0]) != tds.DecimalSize(c.prec) {
			t.Errorf("%s: length %d for precision %d", c.in, b[0], c.prec)
		}
		if got := decodeDec(t, b, c.scal); got != c.want {
			t.Errorf("decimal(%d,%d) %s = %s, want %s", c.prec, c.scal, c.in, got, c.want)
		}
	}
	// money and int sources.
	e := columnEnc(types.Type{ID: types.Decimal, Precision: 19, Scale: 4}, tds.Version74)
	if got := decodeDec(t, appendValue(nil, &e, &types.Value{K: types.KindMoney, I: -123456}), 4); got != "-12.3456" {
		t.Errorf("money → decimal %s", got)
	}
	if got := decodeDec(t, appendValue(nil, &e, &types.Value{K: types.KindInt, I: 42}), 4); got != "42.0000" {
		t.Errorf("int → decimal %s", got)
	}
}

func TestStringTruncatedToMetadata(t *testing.T) {
	e := columnEnc(types.Type{ID: types.NVarChar, Length: 3}, tds.Version74)
	b := appendValue(nil, &e, &types.Value{K: types.KindString, S: "ab😀"})
	// "ab" + a surrogate pair would be 4 units > 3: the pair is dropped whole.
	if tds.DecodeUTF16(b[2:]) != "ab" || int(b[0]) != 4 {
		t.Errorf("nvarchar(3) value %x", b)
	}
	e = columnEnc(types.Type{ID: types.VarChar, Length: 2}, tds.Version74)
	b = appendValue(nil, &e, &types.Value{K: types.KindString, S: "éàü"})
	if len(b) != 4 || b[2] != 0xE9 || b[3] != 0xE0 {
		t.Errorf("varchar(2) value %x", b)
	}
}
