package types

import (
	"math"
	"math/rand"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

func TestIntArith(t *testing.T) {
	cases := []struct {
		op     Op
		x, y   int64
		rt     Type
		want   int64
		errNum int32
		text   string
	}{
		{OpDiv, 7, 2, TypeInt, 3, 0, ""},
		{OpDiv, -7, 2, TypeInt, -3, 0, ""},
		{OpMod, 7, 3, TypeInt, 1, 0, ""},
		{OpMod, -7, 3, TypeInt, -1, 0, ""},
		{OpMod, 7, -3, TypeInt, 1, 0, ""},
		{OpDiv, 1, 0, TypeInt, 0, 8134, "Divide by zero error encountered."},
		{OpMod, 1, 0, TypeInt, 0, 8134, "Divide by zero error encountered."},
		{OpAdd, 2147483647, 1, TypeInt, 0, 8115, "Arithmetic overflow error converting expression to data type int."},
		{OpSub, -2147483648, 1, TypeInt, 0, 8115, "Arithmetic overflow error converting expression to data type int."},
		{OpMul, 2147483647, 2, TypeInt, 0, 8115, "Arithmetic overflow error converting expression to data type int."},
		{OpDiv, -2147483648, -1, TypeInt, 0, 8115, "Arithmetic overflow error converting expression to data type int."},
		{OpAdd, math.MaxInt64, 1, TypeBigInt, 0, 8115, "Arithmetic overflow error converting expression to data type bigint."},
		{OpMul, math.MinInt64, -1, TypeBigInt, 0, 8115, ""},
		{OpMul, math.MinInt64, 1, TypeBigInt, math.MinInt64, 0, ""},
		{OpMul, 3037000500, 3037000500, TypeBigInt, 0, 8115, ""},
		{OpDiv, math.MinInt64, -1, TypeBigInt, 0, 8115, ""},
		{OpAdd, 255, 1, TypeTinyInt, 0, 8115, "Arithmetic overflow error converting expression to data type tinyint."},
		{OpSub, 0, 1, TypeTinyInt, 0, 8115, ""},
		{OpAdd, 32767, 1, TypeSmallInt, 0, 8115, "Arithmetic overflow error converting expression to data type smallint."},
		{OpMul, -46341, 46341, TypeInt, 0, 8115, ""},
		{OpMul, -46340, 46340, TypeInt, -2147395600, 0, ""},
		{OpBitAnd, 12, 10, TypeInt, 8, 0, ""},
		{OpBitOr, 12, 10, TypeInt, 14, 0, ""},
		{OpBitXor, 12, 10, TypeInt, 6, 0, ""},
		{OpBitXor, 1, 1, TypeBit, 0, 0, ""},
	}
	for _, c := range cases {
		got, err := IntArith(c.op, c.x, c.y, c.rt)
		name := c.rt.String() + " " + c.op.Symbol()
		if c.errNum != 0 {
			wantErr(t, name, err, c.errNum, c.text)
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%d %s %d = %d, %v; want %d", c.x, c.op.Symbol(), c.y, got, err, c.want)
		}
	}
}

// arith runs ArithResultType and Arith together as the executor would.
func arith(t *testing.T, op Op, a Value, at Type, b Value, bt Type) (Value, Type, error) {
	t.Helper()
	rt, err := ArithResultType(op, at, bt)
	if err != nil {
		return Null, rt, err
	}
	v, err := Arith(op, a, at, b, bt, rt)
	if err != nil {
		return Null, rt, err
	}
	return v, rt, nil
}

func TestArithMixed(t *testing.T) {
	cases := []struct {
		name     string
		op       Op
		a        Value
		at       Type
		b        Value
		bt       Type
		wantType string
		want     string
		errNum   int32
		text     string
	}{
		{name: "1.0/3", op: OpDiv, a: dec("1.0"), at: decT("1.0"), b: vi(3), bt: IntLiteralDecimalType(3), wantType: "decimal(7,6)", want: "0.333333"},
		{name: "2.0/3 truncates", op: OpDiv, a: dec("2.0"), at: decT("2.0"), b: vi(3), bt: IntLiteralDecimalType(3), wantType: "decimal(7,6)", want: "0.666666"},
		{name: "1.0/int column", op: OpDiv, a: dec("1.0"), at: decT("1.0"), b: vi(3), bt: TypeInt, wantType: "decimal(13,12)", want: "0.333333333333"},
		{name: "1.5+2.25", op: OpAdd, a: dec("1.5"), at: decT("1.5"), b: dec("2.25"), bt: decT("2.25"), wantType: "decimal(4,2)", want: "3.75"},
		{name: "1.5*2.25", op: OpMul, a: dec("1.5"), at: decT("1.5"), b: dec("2.25"), bt: decT("2.25"), wantType: "decimal(6,3)", want: "3.375"},
		{name: "5.5 % 2", op: OpMod, a: dec("5.5"), at: decT("5.5"), b: vi(2), bt: TypeInt, wantType: "decimal(2,1)", want: "1.5"},
		{name: "-5.5 % 2", op: OpMod, a: dec("-5.5"), at: decT("-5.5"), b: vi(2), bt: TypeInt, wantType: "decimal(2,1)", want: "-1.5"},
		{name: "decimal / 0", op: OpDiv, a: dec("1.0"), at: decT("1.0"), b: vi(0), bt: TypeInt, errNum: 8134, text: "Divide by zero error encountered."},
		{name: "decimal overflow", op: OpAdd, a: dec("99999999999999999999999999999999999999"), at: NewDecimal(38, 0), b: vi(1), bt: TypeInt, errNum: 8115, text: "Arithmetic overflow error converting expression to data type numeric."},
		{name: "int + decimal", op: OpAdd, a: vi(1), at: TypeInt, b: dec("0.5"), bt: decT("0.5"), wantType: "decimal(12,1)", want: "1.5"},
		{name: "int + bigint", op: OpAdd, a: vi(1), at: TypeInt, b: vi(2), bt: TypeBigInt, wantType: "bigint", want: "3"},
		{name: "tinyint + smallint", op: OpAdd, a: vi(1), at: TypeTinyInt, b: vi(2), bt: TypeSmallInt, wantType: "smallint", want: "3"},
		{name: "bit + int", op: OpAdd, a: BitValue(true), at: TypeBit, b: vi(2), bt: TypeInt, wantType: "int", want: "3"},
		{name: "int + float", op: OpAdd, a: vi(1), at: TypeInt, b: vf(0.5), bt: TypeFloat, wantType: "float", want: "1.5"},
		{name: "real * int", op: OpMul, a: vf(1.5), at: TypeReal, b: vi(2), bt: TypeInt, wantType: "real", want: "3"},
		{name: "real + decimal is real", op: OpAdd, a: vf(1.5), at: TypeReal, b: dec("1.5"), bt: decT("1.5"), wantType: "real", want: "3"},
		{name: "float / 0", op: OpDiv, a: vf(1), at: TypeFloat, b: vf(0), bt: TypeFloat, errNum: 8134},
		{name: "float overflow", op: OpMul, a: vf(1e308), at: TypeFloat, b: vi(10), bt: TypeInt, errNum: 8115, text: "Arithmetic overflow error converting expression to data type float."},
		{name: "money * int", op: OpMul, a: vm(15000), at: TypeMoney, b: vi(2), bt: TypeInt, wantType: "money", want: "3.00"},
		{name: "money / int", op: OpDiv, a: vm(100000), at: TypeMoney, b: vi(3), bt: TypeInt, wantType: "money", want: "3.33"},
		{name: "money / money rounds", op: OpDiv, a: vm(20000), at: TypeMoney, b: vm(30000), bt: TypeMoney, wantType: "money", want: "0.67"},
		{name: "money * money", op: OpMul, a: vm(12345), at: TypeMoney, b: vm(12345), bt: TypeMoney, wantType: "money", want: "1.52"},
		{name: "money + decimal is decimal", op: OpAdd, a: vm(15000), at: TypeMoney, b: dec("1.5"), bt: decT("1.5"), wantType: "decimal(20,4)", want: "3.0000"},
		{name: "money overflow", op: OpMul, a: vm(math.MaxInt64 / 2), at: TypeMoney, b: vi(3), bt: TypeInt, errNum: 8115, text: "Arithmetic overflow error converting expression to data type money."},
		{name: "'1' + 1", op: OpAdd, a: vs("1"), at: NewVarChar(1), b: vi(1), bt: TypeInt, wantType: "int", want: "2"},
		{name: "'1.5' + 1", op: OpAdd, a: vs("1.5"), at: NewVarChar(3), b: vi(1), bt: TypeInt, errNum: 245, text: "Conversion failed when converting the varchar value '1.5' to data type int."},
		{name: "'ab' + 'cd'", op: OpAdd, a: vs("ab"), at: NewVarChar(2), b: vs("cd"), bt: NewVarChar(2), wantType: "varchar(4)", want: "abcd"},
		{name: "'ab' + N'cd'", op: OpAdd, a: vs("ab"), at: NewVarChar(2), b: vs("cd"), bt: NewNVarChar(2), wantType: "nvarchar(4)", want: "abcd"},
		{name: "varchar(5000)+varchar(5000)", op: OpAdd, a: vs("a"), at: NewVarChar(5000), b: vs("b"), bt: NewVarChar(5000), wantType: "varchar(8000)", want: "ab"},
		{name: "varchar(max)+varchar(5)", op: OpAdd, a: vs("a"), at: NewVarChar(MaxLength), b: vs("b"), bt: NewVarChar(5), wantType: "varchar(max)", want: "ab"},
		{name: "char + char", op: OpAdd, a: vs("a "), at: NewChar(2), b: vs("b"), bt: NewChar(1), wantType: "char(3)", want: "a b"},
		{name: "'a' - 'b'", op: OpSub, a: vs("a"), at: NewVarChar(1), b: vs("b"), bt: NewVarChar(1), errNum: 402, text: "The data types varchar and varchar are incompatible in the subtract operator."},
		{name: "bit + bit", op: OpAdd, a: BitValue(true), at: TypeBit, b: BitValue(true), bt: TypeBit, errNum: 402, text: "The data types bit and bit are incompatible in the add operator."},
		{name: "float % int", op: OpMod, a: vf(1), at: TypeFloat, b: vi(1), bt: TypeInt, errNum: 402, text: "The data types float and int are incompatible in the modulo operator."},
		{name: "date + int", op: OpAdd, a: DateTimeValue(Day1900 * TicksPerDay), at: TypeDate, b: vi(1), bt: TypeInt, errNum: 206, text: "Operand type clash: date is incompatible with int"},
		{name: "datetime2 + int", op: OpAdd, a: DateTimeValue(Day1900 * TicksPerDay), at: NewDateTime2(7), b: vi(1), bt: TypeInt, errNum: 206, text: "Operand type clash: datetime2 is incompatible with int"},
		{name: "text + varchar", op: OpAdd, a: vs("a"), at: TypeText, b: vs("b"), bt: NewVarChar(1), errNum: 402, text: "The data types text and varchar are incompatible in the add operator."},
		{name: "guid + int", op: OpAdd, a: GUIDValue([16]byte{}), at: TypeUniqueIdentifier, b: vi(1), bt: TypeInt, errNum: 206, text: "Operand type clash: uniqueidentifier is incompatible with int"},
		{name: "decimal & int", op: OpBitAnd, a: dec("1.5"), at: decT("1.5"), b: vi(1), bt: TypeInt, errNum: 402, text: "The data types numeric and int are incompatible in the boolean AND operator."},
		{name: "NULL + 1", op: OpAdd, a: Null, at: TypeInt, b: vi(1), bt: TypeInt, wantType: "int", want: ""},
		{name: "binary + binary", op: OpAdd, a: BytesValue([]byte{1}), at: NewVarBinary(1), b: BytesValue([]byte{2}), bt: NewBinary(1), wantType: "varbinary(2)", want: "\x01\x02"},
	}
	for _, c := range cases {
		v, rt, err := arith(t, c.op, c.a, c.at, c.b, c.bt)
		if c.errNum != 0 {
			e, _ := err.(interface{ Error() string })
			if err == nil {
				t.Errorf("%s: no error, want %d", c.name, c.errNum)
				continue
			}
			me := asMsg(err)
			wantErr(t, c.name, me, c.errNum, c.text)
			_ = e
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if rt.String() != c.wantType {
			t.Errorf("%s: type %s, want %s", c.name, rt, c.wantType)
		}
		var s string
		switch v.K {
		case KindMoney:
			s = FormatMoney(v.I, 0)
		case KindBytes:
			s = string(v.B)
		default:
			s = ToString(v, rt)
		}
		if s != c.want {
			t.Errorf("%s: %q, want %q", c.name, s, c.want)
		}
	}
}

func TestDecimalResultTypes(t *testing.T) {
	cases := []struct {
		op   Op
		l, r Type
		want string
	}{
		{OpAdd, NewDecimal(10, 2), NewDecimal(12, 4), "decimal(13,4)"},
		{OpSub, NewDecimal(5, 0), NewDecimal(5, 5), "decimal(11,5)"},
		{OpMul, NewDecimal(10, 2), NewDecimal(12, 4), "decimal(23,6)"},
		{OpDiv, NewDecimal(10, 2), NewDecimal(12, 4), "decimal(27,15)"},
		{OpMod, NewDecimal(5, 2), NewDecimal(4, 1), "decimal(5,2)"},
		{OpMul, NewDecimal(38, 10), NewDecimal(38, 10), "decimal(38,6)"},
		{OpMul, NewDecimal(20, 10), NewDecimal(10, 5), "decimal(31,15)"},
		{OpMul, NewDecimal(25, 10), NewDecimal(20, 10), "decimal(38,12)"},
		{OpMul, NewDecimal(38, 2), NewDecimal(10, 2), "decimal(38,4)"},
		{OpDiv, NewDecimal(38, 2), NewDecimal(10, 2), "decimal(38,6)"},
		{OpDiv, NewDecimal(18, 2), NewDecimal(18, 2), "decimal(38,20)"},
		{OpAdd, NewDecimal(38, 38), NewDecimal(38, 0), "decimal(38,6)"},
		{OpAdd, NewDecimal(38, 10), NewDecimal(38, 10), "decimal(38,9)"},
		{OpDiv, TypeInt, NewDecimal(5, 2), "decimal(18,6)"},
		{OpAdd, TypeMoney, NewDecimal(5, 2), "decimal(20,4)"},
	}
	for _, c := range cases {
		if got := DecimalResultType(c.op, c.l, c.r); got.String() != c.want {
			t.Errorf("%s %s %s = %s, want %s", c.l, c.op.Symbol(), c.r, got, c.want)
		}
	}
}

func TestMulDivRound(t *testing.T) {
	for _, c := range []struct{ x, y, d, want int64 }{
		{1, 1, 2, 1}, {-1, 1, 2, -1}, {3, 1, 2, 2}, {1, 1, 3, 0}, {2, 1, 3, 1},
		{math.MaxInt64, 1, 1, math.MaxInt64}, {math.MaxInt64, 10000, 10000, math.MaxInt64},
	} {
		if got, ok := mulDivRound(c.x, c.y, c.d); !ok || got != c.want {
			t.Errorf("mulDivRound(%d,%d,%d) = %d %v, want %d", c.x, c.y, c.d, got, ok, c.want)
		}
	}
	if _, ok := mulDivRound(math.MaxInt64, 2, 1); ok {
		t.Error("overflow not detected")
	}
}

// TestQuoFastMatchesApd checks the 128-bit division fast path against
// apd's truncating division on random operands and scales.
func TestQuoFastMatchesApd(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 50000; i++ {
		var x, y, fast, slow apd.Decimal
		x.SetFinite(r.Int63n(1<<uint(r.Intn(62)+1))-r.Int63n(1000), -int32(r.Intn(10)))
		y.SetFinite(r.Int63n(1<<uint(r.Intn(62)+1))+1, -int32(r.Intn(10)))
		if r.Intn(2) == 0 {
			y.Negative = true
		}
		scale := int32(r.Intn(20))
		if !quoFast(&fast, &x, &y, scale) {
			continue
		}
		truncCtx.Quo(&slow, &x, &y)
		truncCtx.Quantize(&slow, &slow, -scale)
		if slow.IsZero() {
			slow.Negative = false
		}
		if fast.Cmp(&slow) != 0 || fast.Exponent != slow.Exponent {
			t.Fatalf("%s / %s at %d: fast %s, apd %s", x.String(), y.String(), scale, fast.String(), slow.String())
		}
	}
}

func TestDecimalDivisionSigns(t *testing.T) {
	v, rt, err := arith(t, OpDiv, dec("-7.0"), decT("-7.0"), vi(2), IntLiteralDecimalType(2))
	if err != nil || ToString(v, rt) != "-3.500000" {
		t.Errorf("-7.0/2 = %s %v", ToString(v, rt), err)
	}
	v, rt, err = arith(t, OpDiv, dec("-0.0000001"), NewDecimal(8, 7), vi(3), TypeInt)
	if err != nil || ToString(v, rt) != "-0.000000033333333333" {
		t.Errorf("tiny negative quotient = %s (%s) %v", ToString(v, rt), rt, err)
	}
}

func TestOverflowStates(t *testing.T) {
	_, err := IntArith(OpAdd, 2147483647, 1, TypeInt)
	if err.State != 2 {
		t.Errorf("int overflow state %d, want 2", err.State)
	}
	_, err = Convert(dec("123.45"), decT("123.45"), NewDecimal(3, 1))
	if err.State != 8 || err.Text != "Arithmetic overflow error converting numeric to data type numeric." {
		t.Errorf("numeric overflow %v", err)
	}
	_, err = Convert(dec("123.45"), decT("123.45"), NewVarChar(3))
	if err.State != 5 {
		t.Errorf("numeric → varchar overflow state %d, want 5", err.State)
	}
	_, err = Convert(vf(float64(float32(12345.12))), TypeReal, TypeTinyInt)
	wantErr(t, "232", err, 232, "Arithmetic overflow error for type tinyint, value = 12345.120117.")
	_, err = Convert(dec("2147483648"), decT("2147483648"), TypeInt)
	wantErr(t, "numeric → int", err, 8115, "Arithmetic overflow error converting expression to data type int.")
	_, err = Convert(vs("x"), NewVarChar(1), TypeSmallMoney)
	wantErr(t, "293", err, 293, "Cannot convert char value to smallmoney. The char value has incorrect syntax.")
}

// TestSmallDecArithMatchesApd checks the 64-bit fast path against apd.
func TestSmallDecArithMatchesApd(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 50000; i++ {
		s1, s2 := uint8(r.Intn(6)), uint8(r.Intn(6))
		p1, p2 := s1+uint8(r.Intn(12))+1, s2+uint8(r.Intn(12))+1
		var x, y apd.Decimal
		x.SetFinite(r.Int63n(int64(pow10u[p1]))-int64(pow10u[p1])/2, -int32(s1))
		y.SetFinite(r.Int63n(int64(pow10u[p2]))-int64(pow10u[p2])/2, -int32(s2))
		op := []Op{OpAdd, OpSub, OpMul}[r.Intn(3)]
		rt := DecimalResultType(op, NewDecimal(p1, s1), NewDecimal(p2, s2))
		var fast, slow apd.Decimal
		if !smallDecArith(op, &fast, &x, &y, rt) {
			continue
		}
		switch op {
		case OpAdd:
			exactCtx.Add(&slow, &x, &y)
		case OpSub:
			exactCtx.Sub(&slow, &x, &y)
		case OpMul:
			exactCtx.Mul(&slow, &x, &y)
		}
		fitDecimal(&slow, rt.Precision, rt.Scale, false)
		if fast.Cmp(&slow) != 0 || fast.Exponent != slow.Exponent || fast.Negative != slow.Negative {
			t.Fatalf("%s %s %s: fast %s, apd %s", x.String(), op.Symbol(), y.String(), fast.String(), slow.String())
		}
	}
}
