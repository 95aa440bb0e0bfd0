package exec

import (
	"math"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

func (c *Ctx) evalFunc(x *sem.Func, row []types.Value) (types.Value, *msgs.Error) {
	args := make([]types.Value, len(x.Args))
	for i, a := range x.Args {
		v, err := c.Eval(a, row)
		if err != nil {
			return v, err
		}
		args[i] = v
	}
	null := func() bool {
		for _, a := range args {
			if a.K == types.KindNull {
				return true
			}
		}
		return false
	}
	str := func(s string) types.Value { return types.Value{K: types.KindString, S: s} }
	switch x.Name {
	case "PARSE", "TRY_PARSE":
		return c.evalParse(x, args) // funcs_parse.go
	case "ABS":
		if null() {
			return types.Null, nil
		}
		v := args[0]
		switch v.K {
		case types.KindInt, types.KindMoney:
			if v.I < 0 {
				lo, _ := intRange(x.T.ID)
				if v.I == lo {
					return v, msgs.New(8115, "expression", typeName(x.T))
				}
				v.I = -v.I
			}
		case types.KindFloat:
			v.F = math.Abs(v.F)
		case types.KindDecimal:
			var d apd.Decimal
			d.Abs(&v.Dec)
			v.Dec = d
		}
		return v, nil
	case "SIGN", "CEILING", "FLOOR":
		if null() {
			return types.Null, nil
		}
		v := args[0]
		switch v.K {
		case types.KindInt:
			if x.Name == "SIGN" {
				switch {
				case v.I > 0:
					v.I = 1
				case v.I < 0:
					v.I = -1
				}
			}
		case types.KindMoney:
			// I counts 1/10000 units; the result stays money.
			switch x.Name {
			case "SIGN":
				switch {
				case v.I > 0:
					v.I = 10000
				case v.I < 0:
					v.I = -10000
				}
			case "CEILING":
				q := v.I / 10000
				if v.I%10000 > 0 {
					q++
				}
				v.I = q * 10000
			case "FLOOR":
				q := v.I / 10000
				if v.I%10000 < 0 {
					q--
				}
				v.I = q * 10000
			}
		case types.KindFloat:
			switch x.Name {
			case "SIGN":
				switch {
				case v.F > 0:
					v.F = 1
				case v.F < 0:
					v.F = -1
				}
			case "CEILING":
				v.F = math.Ceil(v.F)
			case "FLOOR":
				v.F = math.Floor(v.F)
			}
		case types.KindDecimal:
			var d apd.Decimal
			switch x.Name {
			case "SIGN":
				// SIGN keeps its argument's type: SIGN(-2.5) is -1.0.
				d.SetFinite(int64(v.Dec.Sign()), 0)
				if x.T.Scale > 0 {
					decCtx.Quantize(&d, &d, -int32(x.T.Scale))
				}
			case "CEILING":
				decCtx.Ceil(&d, &v.Dec)
			case "FLOOR":
				decCtx.Floor(&d, &v.Dec)
			}
			v.Dec = d
		}
		return v, nil
	case "ROUND":
		if null() {
			return types.Null, nil
		}
		if len(args) == 3 && args[2].I != 0 {
			// ROUND(x, n, f) with f <> 0 truncates (sql/types implements it).
			r, err := types.Round(args[0], x.Args[0].Type(), int(args[1].I), true)
			if err != nil {
				return types.Null, err
			}
			return Convert(r, types.RoundResultType(x.Args[0].Type()), x.T)
		}
		v, n := args[0], int32(args[1].I)
		switch v.K {
		case types.KindFloat:
			p := math.Pow(10, float64(n))
			v.F = math.Round(v.F*p) / p
		case types.KindInt:
			if n < 0 {
				p := int64(math.Pow(10, float64(-n)))
				r := v.I % p
				v.I -= r
				if r*2 >= p {
					v.I += p
				} else if r*2 <= -p {
					v.I -= p
				}
			}
		case types.KindDecimal:
			var d, q apd.Decimal
			decCtx.Quantize(&d, &v.Dec, -n)
			decCtx.Quantize(&q, &d, -int32(x.T.Scale))
			v.Dec = q
		}
		return v, nil
	case "POWER":
		if null() {
			return types.Null, nil
		}
		f, _ := Convert(args[0], x.Args[0].Type(), sem.FloatType)
		r := math.Pow(f.F, args[1].F)
		return Convert(types.Value{K: types.KindFloat, F: r}, sem.FloatType, x.T)
	case "SQRT", "EXP", "LOG", "LOG10", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "DEGREES", "RADIANS", "SQUARE":
		if null() {
			return types.Null, nil
		}
		f := args[0].F
		var r float64
		switch x.Name {
		case "SQRT":
			if f < 0 {
				return types.Null, msgs.New(3623)
			}
			r = math.Sqrt(f)
		case "EXP":
			r = math.Exp(f)
		case "LOG":
			if f <= 0 {
				return types.Null, msgs.New(3623)
			}
			r = math.Log(f)
			if len(args) == 2 {
				r /= math.Log(args[1].F)
			}
		case "LOG10":
			if f <= 0 {
				return types.Null, msgs.New(3623)
			}
			r = math.Log10(f)
		case "SIN":
			r = math.Sin(f)
		case "COS":
			r = math.Cos(f)
		case "TAN":
			r = math.Tan(f)
		case "ASIN":
			r = math.Asin(f)
		case "ACOS":
			r = math.Acos(f)
		case "ATAN":
			r = math.Atan(f)
		case "DEGREES":
			r = f * 180 / math.Pi
		case "RADIANS":
			r = f * math.Pi / 180
		case "SQUARE":
			r = f * f
		}
		if math.IsNaN(r) || math.IsInf(r, 0) {
			return types.Null, msgs.New(3623) // ASIN(2), EXP(1000) …
		}
		return types.Value{K: types.KindFloat, F: r}, nil
	case "PI":
		return types.Value{K: types.KindFloat, F: math.Pi}, nil
	case "LEN":
		if null() {
			return types.Null, nil
		}
		return types.Value{K: types.KindInt, I: int64(len([]rune(strings.TrimRight(args[0].S, " "))))}, nil
	case "DATALENGTH":
		if null() {
			return types.Null, nil
		}
		v := args[0]
		n := 0
		switch v.K {
		case types.KindString:
			if sem.IsUnicode(x.Args[0].Type()) {
				n = 2 * len(utf16.Encode([]rune(v.S)))
			} else {
				n = len(v.S)
			}
		case types.KindBytes, types.KindGUID:
			n = len(v.B)
		case types.KindInt:
			switch x.Args[0].Type().ID {
			case types.TinyInt:
				n = 1
			case types.SmallInt:
				n = 2
			case types.BigInt:
				n = 8
			default:
				n = 4
			}
		default:
			n = 8
		}
		return types.Value{K: types.KindInt, I: int64(n)}, nil
	case "UPPER", "LOWER", "LTRIM", "RTRIM", "TRIM", "REVERSE":
		if null() {
			return types.Null, nil
		}
		s := args[0].S
		cut := " "
		if len(args) == 2 {
			cut = args[1].S // LTRIM/RTRIM/TRIM(s, characters) (SQL Server 2022)
		}
		switch x.Name {
		case "UPPER":
			s = strings.ToUpper(s)
		case "LOWER":
			s = strings.ToLower(s)
		case "LTRIM":
			s = strings.TrimLeft(s, cut)
		case "RTRIM":
			s = strings.TrimRight(s, cut)
		case "TRIM":
			s = strings.Trim(s, cut)
		case "REVERSE":
			r := []rune(s)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			s = string(r)
		}
		return str(s), nil
	case "SUBSTRING":
		if null() {
			return types.Null, nil
		}
		r := []rune(args[0].S)
		start, n := args[1].I, args[2].I
		if n < 0 {
			return types.Null, msgs.New(537, "substring")
		}
		end := start + n
		if start < 1 {
			start = 1
		}
		if end > int64(len(r))+1 {
			end = int64(len(r)) + 1
		}
		if end <= start {
			return str(""), nil
		}
		return str(string(r[start-1 : end-1])), nil
	case "LEFT", "RIGHT":
		if null() {
			return types.Null, nil
		}
		r := []rune(args[0].S)
		n := args[1].I
		if n < 0 {
			return types.Null, msgs.New(536, strings.ToLower(x.Name))
		}
		if n > int64(len(r)) {
			n = int64(len(r))
		}
		if x.Name == "LEFT" {
			return str(string(r[:n])), nil
		}
		return str(string(r[int64(len(r))-n:])), nil
	case "REPLACE":
		if null() {
			return types.Null, nil
		}
		if args[1].S == "" {
			return args[0], nil
		}
		return str(types.CollationOf(x.T).Replace(args[0].S, args[1].S, args[2].S)), nil
	case "CHARINDEX":
		if args[0].K == types.KindNull || args[1].K == types.KindNull {
			return types.Null, nil
		}
		start := int64(1)
		if len(args) == 3 && args[2].K != types.KindNull && args[2].I > 1 {
			start = args[2].I
		}
		return intVal(charIndex(types.CollationOf(x.Args[1].Type()), args[0].S, args[1].S, start)), nil
	case "REPLICATE":
		if null() || args[1].I < 0 {
			return types.Null, nil
		}
		if x.T.Length > 0 {
			// Non-max results are cut at 8000 bytes (4000 characters).
			if n := len([]rune(args[0].S)); n > 0 && args[1].I > int64(x.T.Length/int32(n)+1) {
				args[1].I = int64(x.T.Length/int32(n) + 1)
			}
			return str(limitLen(strings.Repeat(args[0].S, int(args[1].I)), x.T)), nil
		}
		return str(strings.Repeat(args[0].S, int(args[1].I))), nil
	case "SPACE":
		if null() || args[0].I < 0 {
			return types.Null, nil
		}
		return str(strings.Repeat(" ", int(args[0].I))), nil
	case "CONCAT":
		var sb strings.Builder
		for _, a := range args {
			sb.WriteString(a.S)
		}
		return str(sb.String()), nil
	case "ASCII", "UNICODE":
		if null() || args[0].S == "" {
			return types.Null, nil
		}
		if x.Name == "ASCII" {
			return intVal(asciiCode(args[0].S)), nil
		}
		return types.Value{K: types.KindInt, I: int64([]rune(args[0].S)[0])}, nil
	case "CHAR", "NCHAR":
		if null() || args[0].I < 0 || (x.Name == "CHAR" && args[0].I > 255) {
			return types.Null, nil
		}
		if x.Name == "CHAR" {
			return str(cp1252Char(args[0].I)), nil
		}
		return str(string(rune(args[0].I))), nil
	case "DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART", "DATENAME", "YEAR", "MONTH", "DAY", "EOMONTH", "DATEFROMPARTS":
		return c.dateFunc(x, args)
	case "GETDATE", "CURRENT_TIMESTAMP":
		now := time.Now()
		return TimeValue(now.Add(time.Duration(now.Nanosecond()%3333333) * -1)), nil
	case "GETUTCDATE":
		return TimeValue(time.Now().UTC()), nil
	case "SYSDATETIME", "SYSDATETIMEOFFSET":
		return TimeValue(time.Now()), nil
	case "SYSUTCDATETIME":
		return TimeValue(time.Now().UTC()), nil
	}
	if f, ok := builtinEvals[x.Name]; ok {
		return f(c, x, args)
	}
	return c.Sess.SessionFunc(x.Name, args)
}

// replaceFold replaces old (case-insensitively) in s.
func replaceFold(s, old, repl string) string {
	fs, fo := foldString(s), foldString(old)
	if len(fs) != len(s) {
		return strings.ReplaceAll(s, old, repl)
	}
	var sb strings.Builder
	for {
		i := strings.Index(fs, fo)
		if i < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		sb.WriteString(s[:i])
		sb.WriteString(repl)
		s, fs = s[i+len(old):], fs[i+len(old):]
	}
}

func (c *Ctx) dateFunc(x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	part := func() (types.DatePart, *msgs.Error) {
		p, ok := types.ParseDatePart(args[0].S)
		if !ok {
			return p, types.ErrUnknownDatePart(args[0].S, x.Name)
		}
		return p, nil
	}
	for _, a := range args {
		if a.K == types.KindNull && x.Name != "EOMONTH" {
			return types.Null, nil
		}
	}
	switch x.Name {
	case "DATEADD":
		p, err := part()
		if err != nil {
			return types.Null, err
		}
		return types.DateAdd(p, args[1].I, args[2], x.Args[2].Type())
	case "DATEDIFF", "DATEDIFF_BIG":
		p, err := part()
		if err != nil {
			return types.Null, err
		}
		var n int64
		if x.Name == "DATEDIFF" {
			n, err = types.DateDiff(p, args[1], x.Args[1].Type(), args[2], x.Args[2].Type())
		} else {
			n, err = types.DateDiffBig(p, args[1], x.Args[1].Type(), args[2], x.Args[2].Type())
		}
		return types.Value{K: types.KindInt, I: n}, err
	case "DATEPART":
		p, err := part()
		if err != nil {
			return types.Null, err
		}
		n, err := types.DatePartValue(p, args[1], x.Args[1].Type(), int(c.Opts.DateFirst))
		return types.Value{K: types.KindInt, I: n}, err
	case "DATENAME":
		p, err := part()
		if err != nil {
			return types.Null, err
		}
		s, err := types.DateName(p, args[1], x.Args[1].Type(), int(c.Opts.DateFirst), c.Opts.Language)
		return types.Value{K: types.KindString, S: s}, err
	case "YEAR", "MONTH", "DAY":
		p := map[string]types.DatePart{"YEAR": types.PartYear, "MONTH": types.PartMonth, "DAY": types.PartDay}[x.Name]
		n, err := types.DatePartValue(p, args[0], x.Args[0].Type(), int(c.Opts.DateFirst))
		return types.Value{K: types.KindInt, I: n}, err
	case "EOMONTH":
		if args[0].K == types.KindNull {
			return types.Null, nil
		}
		var m int64
		if len(args) == 2 {
			m = args[1].I
		}
		return types.EOMonth(args[0], m)
	case "DATEFROMPARTS":
		return types.DateFromPartsValue(args[0].I, args[1].I, args[2].I)
	}
	return types.Null, msgs.New(8180)
}
