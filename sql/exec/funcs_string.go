package exec

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// String built-ins not evaluated in funcs.go's switch.

func init() {
	registerEval(evalPatIndex, "PATINDEX")
	registerEval(evalStuff, "STUFF")
	registerEval(evalConcatWS, "CONCAT_WS")
	registerEval(evalQuoteName, "QUOTENAME")
	registerEval(evalStr, "STR")
	registerEval(evalTranslate, "TRANSLATE")
	registerEval(evalSoundex, "SOUNDEX", "DIFFERENCE")
	registerEval(evalBinarySubstring, "SUBSTRING_BINARY")
}

func evalBinarySubstring(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	b, start, n := args[0].B, args[1].I, args[2].I
	if n < 0 {
		return types.Null, fnErr(537, "Invalid length parameter passed to the LEFT or SUBSTRING function.")
	}
	end := min(start+n, int64(len(b))+1)
	start = max(start, 1)
	if end <= start {
		return types.Value{K: types.KindBytes, B: []byte{}}, nil
	}
	return types.Value{K: types.KindBytes, B: append([]byte(nil), b[start-1:end-1]...)}, nil
}

// collOf is the collation argument i of x compares under.
func collOf(x *sem.Func, i int) *collation.Collation { return types.CollationOf(x.Args[i].Type()) }

// evalPatIndex returns the 1-based character position where pattern
// (a LIKE pattern, usually '%…%') first matches, 0 when it never does.
func evalPatIndex(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	coll := collOf(x, 1)
	uni := sem.IsUnicode(x.Args[1].Type())
	p, s := args[0].S, args[1].S
	if !strings.HasPrefix(p, "%") {
		// Anchored at the start: the whole string must match.
		if coll.Like(s, p, -1, uni) {
			return intVal(1), nil
		}
		return intVal(0), nil
	}
	rest := strings.TrimLeft(p, "%")
	if rest == "" {
		return intVal(1), nil
	}
	pos := int64(1)
	for i := 0; i < len(s); pos++ {
		if coll.Like(s[i:], rest, -1, uni) {
			return intVal(pos), nil
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return intVal(0), nil
}

func evalStuff(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[0].K == types.KindNull || args[1].K == types.KindNull || args[2].K == types.KindNull {
		return types.Null, nil
	}
	r := []rune(args[0].S)
	start, n := args[1].I, args[2].I
	if start < 1 || start > int64(len(r)) || n < 0 {
		return types.Null, nil
	}
	end := min(start-1+n, int64(len(r)))
	out := string(r[:start-1]) + args[3].S + string(r[end:])
	return strVal(limitLen(out, x.T)), nil
}

// limitLen truncates s to the characters of a non-max result type t.
func limitLen(s string, t types.Type) string {
	if t.Length <= 0 {
		return s
	}
	n := int(t.Length)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func evalConcatWS(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	var b strings.Builder
	first := true
	for _, a := range args[1:] {
		if a.K == types.KindNull {
			continue
		}
		if !first {
			b.WriteString(args[0].S)
		}
		first = false
		b.WriteString(a.S)
	}
	return strVal(b.String()), nil
}

// quotePairs maps QUOTENAME's accepted quote characters to the closing one.
var quotePairs = map[string]string{"[": "]", "]": "]", "\"": "\"", "'": "'", "(": ")", ")": ")", "<": ">", ">": ">", "{": "}", "}": "}", "`": "`"}

func evalQuoteName(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	q := "["
	if len(args) == 2 {
		q = args[1].S
		if q == "" {
			return types.Null, nil
		}
		q = string([]rune(q)[:1])
	}
	closing, ok := quotePairs[q]
	if !ok || utf8.RuneCountInString(args[0].S) > 128 {
		return types.Null, nil
	}
	open := q
	switch q {
	case "]":
		open = "["
	case ")":
		open = "("
	case ">":
		open = "<"
	case "}":
		open = "{"
	}
	return strVal(open + strings.ReplaceAll(args[0].S, closing, closing+closing) + closing), nil
}

// evalStr is STR(float [, length [, decimals]]): right-justified, rounded
// to decimals (at most 16), fewer decimals when the length is short, and
// length asterisks when the integer part does not fit.
func evalStr(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	f := args[0].F
	length, dec := int64(10), int64(0)
	if len(args) > 1 {
		length = args[1].I
	}
	if len(args) > 2 {
		dec = args[2].I
	}
	if length <= 0 || length > 8000 || dec < 0 {
		return types.Null, nil
	}
	dec = min(dec, 16)
	ip := strconv.FormatFloat(math.Abs(roundHalfAway(f, 0)), 'f', 0, 64)
	if f < 0 && roundHalfAway(f, 0) != 0 {
		ip = "-" + ip
	}
	if int64(len(ip)) > length {
		return strVal(strings.Repeat("*", int(length))), nil
	}
	// Decimals that fit after the integer part and the point.
	if room := length - int64(len(ip)) - 1; room < dec {
		dec = max(room, 0)
	}
	s := intPart(f, dec)
	if int64(len(s)) > length {
		s = ip
	}
	return strVal(strings.Repeat(" ", int(length)-len(s)) + s), nil
}

// intPart formats f with dec decimals, half away from zero.
func intPart(f float64, dec int64) string {
	r := roundHalfAway(f, int(dec))
	s := strconv.FormatFloat(r, 'f', int(dec), 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	return s
}

func roundHalfAway(f float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	v := f * p
	// Undo binary representation error before rounding (2.675 → 2.68).
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return math.Round(v) / p
}

func evalTranslate(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	from, to := []rune(args[1].S), []rune(args[2].S)
	if len(from) != len(to) {
		return types.Null, fnErr(9828, "The second and third arguments of the TRANSLATE built-in function must contain an equal number of characters.")
	}
	coll := collOf(x, 0)
	var b strings.Builder
	for _, r := range args[0].S {
		out := r
		for i, f := range from {
			if f == r || coll.RuneEqual(f, r) {
				out = to[i]
				break
			}
		}
		b.WriteRune(out)
	}
	return strVal(b.String()), nil
}

// soundexCode is the digit of each letter ('0' for vowels and ignored).
var soundexCode = [26]byte{'0', '1', '2', '3', '0', '1', '2', '0', '0', '2', '2', '4', '5', '5', '0', '1', '2', '6', '2', '3', '0', '1', '0', '2', '0', '2'}

// soundex is SQL Server's SOUNDEX: the first letter, then the codes of the
// following letters with adjacent duplicates collapsed (H and W do not
// separate duplicates), vowels dropped, padded with zeros to 4; a string
// that does not start with a letter gives "0000".
func soundex(s string) string {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return "0000"
	}
	up := func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 32
		}
		return r
	}
	runes := []rune(s)
	first := up(runes[0])
	if first < 'A' || first > 'Z' {
		return "0000"
	}
	out := []byte{byte(first)}
	last := soundexCode[first-'A']
	for _, r := range runes[1:] {
		r = up(r)
		if r < 'A' || r > 'Z' {
			break
		}
		code := soundexCode[r-'A']
		if r == 'H' || r == 'W' {
			continue
		}
		if code != '0' && code != last {
			out = append(out, code)
			if len(out) == 4 {
				break
			}
		}
		last = code
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return string(out)
}

func evalSoundex(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	if x.Name == "SOUNDEX" {
		return strVal(soundex(args[0].S)), nil
	}
	a, b := soundex(args[0].S), soundex(args[1].S)
	n := int64(0)
	for i := 0; i < 4; i++ {
		if a[i] == b[i] {
			n++
		}
	}
	return intVal(n), nil
}

// charIndex is CHARINDEX: the 1-based character position of needle in
// hay at or after character start, compared under coll; 0 when absent
// or needle is empty.
func charIndex(coll *collation.Collation, needle, hay string, start int64) int64 {
	if needle == "" {
		return 0
	}
	from := 0
	for k := start - 1; k > 0; k-- {
		if from >= len(hay) {
			return 0
		}
		_, n := utf8.DecodeRuneInString(hay[from:])
		from += n
	}
	i := coll.Index(hay, needle, from)
	if i < 0 {
		return 0
	}
	return int64(utf8.RuneCountInString(hay[:i])) + 1
}

// asciiCode is ASCII(s): the code page 1252 code of s's first character.
func asciiCode(s string) int64 {
	r, _ := utf8.DecodeRuneInString(s)
	b := collation.EncodeCP1252(nil, string(r))
	if len(b) == 0 {
		return 63 // '?', what an unmappable character becomes
	}
	return int64(b[0])
}

// cp1252Char is CHAR(n): the code page 1252 character n (0..255).
func cp1252Char(n int64) string { return collation.DecodeCP1252([]byte{byte(n)}) }
