package types

import (
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// newErr builds server message number with SQL Server's English text. It
// uses the shared catalogue (msgs.New) when the catalogue knows the number,
// so localized sessions and severities stay in one place; text is the
// fallback format in case the catalogue lacks the entry.
func newErr(number int32, text string, args ...any) *msgs.Error {
	return newErrState(number, 1, text, args...)
}

// newErrState is newErr with the state SQL Server raises the message with.
func newErrState(number int32, state uint8, text string, args ...any) *msgs.Error {
	if msgs.Text("us_english", number) != "" {
		return msgs.NewState(number, state, args...)
	}
	return &msgs.Error{Number: number, Severity: 16, State: state, Text: msgs.Format(text, args...)}
}

// Message texts (SQL Server's, English).
const (
	txt206  = "Operand type clash: %ls is incompatible with %ls"
	txt220  = "Arithmetic overflow error for data type %ls, value = %ld."
	txt232  = "Arithmetic overflow error for type %ls, value = %f."
	txt235  = "Cannot convert a char value to money. The char value has incorrect syntax."
	txt293  = "Cannot convert char value to smallmoney. The char value has incorrect syntax."
	txt241  = "Conversion failed when converting date and/or time from character string."
	txt242  = "The conversion of a %ls data type to a %ls data type resulted in an out-of-range value."
	txt244  = "The conversion of the %ls value '%.*ls' overflowed an %hs column. Use a larger integer column."
	txt245  = "Conversion failed when converting the %ls value '%.*ls' to data type %ls."
	txt248  = "The conversion of the %ls value '%.*ls' overflowed an int column."
	txt257  = "Implicit conversion from data type %ls to %ls is not allowed. Use the CONVERT function to run this query."
	txt281  = "%d is not a valid style number when converting from %ls to a character string."
	txt402  = "The data types %ls and %ls are incompatible in the %ls operator."
	txt403  = "Invalid operator for data type. Operator equals %ls, type equals %ls."
	txt529  = "Explicit conversion from data type %ls to %ls is not allowed."
	txt2628 = "String or binary data would be truncated in table '%.*ls', column '%.*ls'. Truncated value: '%.*ls'."
	txt8114 = "Error converting data type %ls to %ls."
	txt8115 = "Arithmetic overflow error converting %ls to data type %ls."
	txt8134 = "Divide by zero error encountered."
	txt8152 = "String or binary data would be truncated."
	txt8169 = "Conversion failed when converting from a character string to uniqueidentifier."
	txt9819 = "Error converting string value '%.*ls' into data type %ls using culture '%.*ls'."
	txt243  = "Type %.*ls is not a defined system type."
	txt291  = "CAST or CONVERT: invalid attributes specified for type '%.*ls'"
	txt1001 = "Line %d: Length or precision specification %d is invalid."
	txt131  = "The size (%d) given to the type '%.*ls' exceeds the maximum allowed for any data type (%d)."
	txt2750 = "Column or parameter #%d: Specified column precision %d is greater than the maximum precision of %d."
	txt1002 = "Line %d: Specified scale %d is invalid."
	txt1035 = "Incorrect syntax near '%.*ls', expected '%.*ls'."
	txt9803 = "Invalid data for type \"%ls\"."
	txt8116 = "Argument data type %ls is invalid for argument %d of %ls function."
	txt517  = "Adding a value to a '%ls' column caused an overflow."
	txt9810 = "The datepart %.*ls is not supported by date function %.*ls for data type %ls."
)

// ErrDivideByZero is Msg 8134.
func ErrDivideByZero() *msgs.Error { return newErr(8134, txt8134) }

// ErrOverflow is Msg 8115 "Arithmetic overflow error converting <from> to
// data type <to>." (from is "expression" for arithmetic results).
func ErrOverflow(from string, to Type) *msgs.Error {
	// States as SQL Server raises them: 2 for arithmetic results, 8 for
	// conversions to numeric, 5 for numbers that do not fit a string.
	state := uint8(1)
	switch {
	case from == "expression":
		state = 2
	case to.IsDecimal():
		state = 8
	case to.IsString():
		state = 5
	}
	return newErrState(8115, state, txt8115, from, to.MsgName())
}

// ErrExprOverflow is Msg 8115 for an arithmetic result that does not fit.
func ErrExprOverflow(t Type) *msgs.Error { return ErrOverflow("expression", t) }

// ErrTypeClash is Msg 206 "Operand type clash: a is incompatible with b".
func ErrTypeClash(a, b Type) *msgs.Error {
	return newErrState(206, 2, txt206, a.ClashName(), b.ClashName())
}

// ErrIncompatibleOperator is Msg 402 (e.g. bit + bit, float % int).
func ErrIncompatibleOperator(a, b Type, op string) *msgs.Error {
	return newErr(402, txt402, a.MsgName(), b.MsgName(), op)
}

// ErrInvalidOperator is Msg 403 (e.g. - on a string).
func ErrInvalidOperator(op string, t Type) *msgs.Error {
	return newErr(403, txt403, op, t.MsgName())
}

// ErrExplicitNotAllowed is Msg 529.
func ErrExplicitNotAllowed(from, to Type) *msgs.Error {
	return newErrState(529, 2, txt529, from.MsgName(), to.MsgName())
}

// ErrImplicitNotAllowed is Msg 257.
func ErrImplicitNotAllowed(from, to Type) *msgs.Error {
	return newErrState(257, 3, txt257, from.MsgName(), to.MsgName())
}

// ErrTruncatedColumn is Msg 2628 for an INSERT/UPDATE whose value does not
// fit column; value is the (already truncated) value SQL Server quotes.
func ErrTruncatedColumn(table, column, value string) *msgs.Error {
	return newErr(2628, txt2628, table, column, value)
}

// ErrTruncated is Msg 8152 (the pre-2019 truncation message, still used
// when no table/column is known).
func ErrTruncated() *msgs.Error { return newErrState(8152, 14, txt8152) }

// ErrConversionFailed is Msg 245 for a string that is not a valid value of
// an integer or bit type.
func ErrConversionFailed(from Type, value string, to Type) *msgs.Error {
	return newErr(245, txt245, from.MsgName(), value, to.MsgName())
}

// ErrConverting is Msg 8114 "Error converting data type a to b.".
func ErrConverting(from, to Type) *msgs.Error {
	return newErrState(8114, 5, txt8114, from.MsgName(), to.MsgName())
}

// ErrDateConversion is Msg 241.
func ErrDateConversion() *msgs.Error { return newErr(241, txt241) }

// ErrDateOutOfRange is Msg 242.
func ErrDateOutOfRange(from, to Type) *msgs.Error {
	return newErrState(242, 3, txt242, from.MsgName(), to.MsgName())
}

func errIntRange(t Type, v int64) *msgs.Error {
	return newErrState(220, 2, txt220, t.MsgName(), v)
}

// errFloatRange is Msg 232 for a float that does not fit an integer type
// ("Arithmetic overflow error for type int, value = 10000000000.000000.").
func errFloatRange(t Type, f float64) *msgs.Error {
	return newErr(232, txt232, t.MsgName(), f)
}

// isTruncation reports whether err is a truncation error (8152/2628).
func isTruncation(err *msgs.Error) bool {
	return err != nil && (err.Number == 8152 || err.Number == 2628)
}

// quoteValue limits quoted values in messages as SQL Server does (it never
// quotes more than the value itself; long values are kept whole).
func quoteValue(s string) string { return strings.TrimRight(s, "\x00") }
