package types

import (
	"github.com/tsqld/tsqld/sql/msgs"
)

// ConvertOptions tunes a conversion beyond the source and target types.
type ConvertOptions struct {
	// Style is CONVERT's style argument (0 = default, as CAST).
	Style int
	// DateFormat is the session's SET DATEFORMAT ("mdy" when empty): the
	// order of numeric date parts in strings.
	DateFormat string
	// Try gives NULL instead of a conversion error (TRY_CAST, TRY_CONVERT);
	// conversions that are not allowed at all still fail with Msg 529.
	Try bool
	// Implicit marks an implicit conversion (assignment, parameter): a
	// conversion that needs CAST fails with Msg 257.
	Implicit bool
	// Strict makes truncation of non-blank characters or binary data an
	// error (Msg 8152; the caller rewrites it to 2628 with table and column)
	// instead of the silent truncation of CAST.
	Strict bool
}

// Convert converts v from type from to type to as CAST does.
func Convert(v Value, from, to Type) (Value, *msgs.Error) {
	return ConvertWith(v, from, to, nil)
}

// ConvertWith converts v from type from to type to under o (nil = CAST).
// NULL converts to NULL. Errors carry SQL Server's numbers and texts: 529
// not allowed, 257 implicit not allowed, 245/8114/8115/220/244/248/235/241/
// 242/8169 conversion failures.
func ConvertWith(v Value, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	if o == nil {
		o = &defaultConvert
	}
	if v.K == KindNull {
		// The NULL literal is typed int, yet SET @date = NULL and
		// INSERT … VALUES (NULL) into any column are valid T-SQL; a NULL
		// of type int therefore converts to every type.
		if k := ConversionOf(from.ID, to.ID); k == ConvNotAllowed && from.ID != Unknown && from.ID != Int {
			return Null, ErrExplicitNotAllowed(from, to)
		}
		return Null, nil
	}
	if from.ID == Unknown {
		from = typeOfValue(&v)
	}
	if from.ID == SQLVariant && v.K == KindVariant && to.ID != SQLVariant {
		return ConvertWith(v.Var.Value, v.Var.Type, to, o)
	}
	switch ConversionOf(from.ID, to.ID) {
	case ConvNotAllowed:
		return Null, ErrExplicitNotAllowed(from, to)
	case ConvExplicit:
		if o.Implicit {
			return Null, ErrImplicitNotAllowed(from, to)
		}
	}
	var r Value
	var err *msgs.Error
	if from.IsUDT() || to.IsUDT() {
		r, err = convertUDT(v, from, to, o)
	} else {
		r, err = convert(v, from, to, o)
	}
	// TRY_ still raises what is not a data conversion failure: disallowed
	// conversions (529), invalid styles (281) and truncation.
	if err != nil && o.Try && err.Number != 529 && err.Number != 281 && !isTruncation(err) {
		return Null, nil
	}
	return r, err
}

var defaultConvert ConvertOptions

func convert(v Value, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	if to.ID == SQLVariant {
		if v.K == KindVariant {
			return v, nil
		}
		return VariantOf(from, v), nil
	}
	switch to.Kind() {
	case KindInt:
		i, err := toInt(&v, from, to)
		return Value{K: KindInt, I: i}, err
	case KindBool:
		b, err := toBit(&v, from, to)
		return Value{K: KindBool, I: b}, err
	case KindDecimal:
		return toDecimal(&v, from, to)
	case KindMoney:
		m, err := toMoney(&v, from, to)
		return Value{K: KindMoney, I: m}, err
	case KindFloat:
		f, err := toFloat(&v, from, to)
		return Value{K: KindFloat, F: f}, err
	case KindString:
		return toStringValue(&v, from, to, o)
	case KindBytes:
		return toBinary(&v, from, to, o)
	case KindGUID:
		return toGUID(&v, from)
	case KindDateTime:
		return toDateTime(&v, from, to, o)
	}
	return Null, ErrExplicitNotAllowed(from, to)
}

// typeOfValue guesses a type for a value given without one (literals the
// binder did not type): int, float, decimal(38,s), nvarchar(max) …
func typeOfValue(v *Value) Type {
	switch v.K {
	case KindBool:
		return TypeBit
	case KindInt:
		if v.I >= -2147483648 && v.I <= 2147483647 {
			return TypeInt
		}
		return TypeBigInt
	case KindFloat:
		return TypeFloat
	case KindDecimal:
		return NewDecimal(38, uint8(max(0, -v.Dec.Exponent)))
	case KindMoney:
		return TypeMoney
	case KindString:
		return NewNVarChar(MaxLength)
	case KindBytes:
		return NewVarBinary(MaxLength)
	case KindGUID:
		return TypeUniqueIdentifier
	case KindDateTime:
		return NewDateTime2(7)
	case KindVariant:
		return TypeSQLVariant
	}
	return Type{}
}

// TypeOfValue is the type a value given without one is taken to have.
func TypeOfValue(v Value) Type { return typeOfValue(&v) }
