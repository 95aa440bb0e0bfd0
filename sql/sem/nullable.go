package sem

import "github.com/tsqld/tsqld/sql/types"

// Nullable reports whether e can yield NULL given the nullability of the
// input row's columns (what COLMETADATA's nullable flag says).
func Nullable(e Expr, in []Column) bool {
	switch x := e.(type) {
	case *Const:
		return x.V.K == types.KindNull
	case *ColRef:
		if x.Idx < len(in) {
			return in[x.Idx].Nullable
		}
		return true
	case *Unary:
		return Nullable(x.X, in)
	case *Arith:
		return Nullable(x.L, in) || Nullable(x.R, in)
	case *Cast:
		if x.Try {
			return true
		}
		// Conversions between numbers and strings can fail but never
		// produce NULL.
		return Nullable(x.X, in)
	case *Case:
		if x.Else == nil || Nullable(x.Else, in) {
			return true
		}
		for _, w := range x.Whens {
			if Nullable(w.Result, in) {
				return true
			}
		}
		return false
	case *Coalesce:
		for _, a := range x.Args {
			if !Nullable(a, in) {
				return false
			}
		}
		return true
	case *Func:
		switch x.Name {
		case "GETDATE", "CURRENT_TIMESTAMP", "GETUTCDATE", "SYSDATETIME", "SYSUTCDATETIME", "SYSDATETIMEOFFSET", "NEWID", "PI", "CONCAT", "RAND":
			return false
		case "ABS", "UPPER", "LOWER", "LTRIM", "RTRIM", "TRIM", "LEN", "SIGN", "CEILING", "FLOOR", "ROUND", "REVERSE", "LEFT", "RIGHT", "SUBSTRING", "REPLACE", "DATALENGTH", "POWER", "SQRT", "SQUARE":
			for _, a := range x.Args {
				if Nullable(a, in) {
					return true
				}
			}
			return false
		}
		return true
	case *GlobalVar:
		return x.Name == "IDENTITY"
	}
	return true
}
