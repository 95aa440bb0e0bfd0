package types

import "testing"

var sinkV Value
var sinkI int

func BenchmarkArithInt(b *testing.B) {
	x, y := IntValue(123456), IntValue(789)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, err := Arith(OpAdd, x, TypeInt, y, TypeInt, TypeInt)
		if err != nil {
			b.Fatal(err)
		}
		sinkV = v
	}
}

func BenchmarkArithDecimalAdd(b *testing.B) {
	x, y := DecimalCoefValue(123456, 2), DecimalCoefValue(789, 3)
	rt := DecimalResultType(OpAdd, NewDecimal(10, 2), NewDecimal(10, 3))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, err := Arith(OpAdd, x, NewDecimal(10, 2), y, NewDecimal(10, 3), rt)
		if err != nil {
			b.Fatal(err)
		}
		sinkV = v
	}
}

func BenchmarkArithDecimalMul(b *testing.B) {
	x, y := DecimalCoefValue(123456, 2), DecimalCoefValue(789, 3)
	rt := DecimalResultType(OpMul, NewDecimal(10, 2), NewDecimal(10, 3))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, err := Arith(OpMul, x, NewDecimal(10, 2), y, NewDecimal(10, 3), rt)
		if err != nil {
			b.Fatal(err)
		}
		sinkV = v
	}
}

func BenchmarkArithDecimalDiv(b *testing.B) {
	x, y := DecimalCoefValue(123456, 2), DecimalCoefValue(789, 3)
	rt := DecimalResultType(OpDiv, NewDecimal(10, 2), NewDecimal(10, 3))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, err := Arith(OpDiv, x, NewDecimal(10, 2), y, NewDecimal(10, 3), rt)
		if err != nil {
			b.Fatal(err)
		}
		sinkV = v
	}
}

func BenchmarkArithMoneyMul(b *testing.B) {
	x, y := MoneyValue(123456), MoneyValue(789)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, err := Arith(OpMul, x, TypeMoney, y, TypeMoney, TypeMoney)
		if err != nil {
			b.Fatal(err)
		}
		sinkV = v
	}
}

func BenchmarkArithFloat(b *testing.B) {
	x, y := FloatValue(1.5), FloatValue(2.25)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, err := Arith(OpMul, x, TypeFloat, y, TypeFloat, TypeFloat)
		if err != nil {
			b.Fatal(err)
		}
		sinkV = v
	}
}

func BenchmarkCompareValuesString(b *testing.B) {
	x, y := StringValue("Hello World"), StringValue("hello world ")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkI += Compare(x, y, nil)
	}
}

func BenchmarkCompareValuesDecimal(b *testing.B) {
	x, y := DecimalCoefValue(123456, 2), DecimalCoefValue(1234560, 3)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkI += Compare(x, y, nil)
	}
}

func BenchmarkConvertStringToInt(b *testing.B) {
	x := StringValue(" 12345 ")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, _ := Convert(x, NewVarChar(10), TypeInt)
		sinkV = v
	}
}

func BenchmarkConvertIntToString(b *testing.B) {
	x := IntValue(12345)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v, _ := Convert(x, TypeInt, NewVarChar(30))
		sinkV = v
	}
}
