package lexer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Options controls tokenization.
type Options struct {
	// QuotedIdentifierOff makes "x" a string literal (SET QUOTED_IDENTIFIER
	// OFF). The zero value follows the client default, ON.
	QuotedIdentifierOff bool
}

// Tokenize splits src into tokens, appending them to dst (pass a reused
// slice to avoid allocation); the last token is always EOF. Unclosed quotes
// and comments yield SQL Server's errors (Msg 105 followed by Msg 102, or
// Msg 113); the tokens before the problem are still returned.
func Tokenize(src string, opts Options, dst []Token) ([]Token, []*msgs.Error) {
	l := lexer{src: src, line: 1, opts: opts}
	for {
		t, errs := l.next(dst)
		if errs != nil {
			return append(dst, Token{Kind: EOF, Pos: int32(len(src)), End: int32(len(src)), Line: l.line}), errs
		}
		dst = append(dst, t)
		if t.Kind == EOF {
			return dst, nil
		}
	}
}

type lexer struct {
	src  string
	pos  int
	line int32
	opts Options
}

func syntaxErr(num int32, line int32, text string) *msgs.Error {
	return &msgs.Error{Number: num, Severity: 15, State: 1, Line: line, Text: text}
}

// unclosed reports an unterminated quoted token the way SQL Server does:
// Msg 105 quoting the rest of the batch, then Msg 102 near the same text.
func unclosed(rest string, line int32) []*msgs.Error {
	return []*msgs.Error{
		syntaxErr(105, line, "Unclosed quotation mark after the character string '"+rest+"'."),
		syntaxErr(102, line, "Incorrect syntax near '"+rest+"'."),
	}
}

// skipSpace skips whitespace and comments, counting lines.
func (l *lexer) skipSpace() *msgs.Error {
	src := l.src
	for l.pos < len(src) {
		c := src[l.pos]
		switch {
		case c == '\n':
			l.line++
			l.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.pos++
		case c == '-' && l.pos+1 < len(src) && src[l.pos+1] == '-':
			for l.pos < len(src) && src[l.pos] != '\n' {
				l.pos++
			}
		case c == '/' && l.pos+1 < len(src) && src[l.pos+1] == '*':
			depth := 0
			for {
				if l.pos+1 >= len(src) {
					l.pos = len(src)
					return syntaxErr(113, l.line, "Missing end comment mark '*/'.")
				}
				if src[l.pos] == '/' && src[l.pos+1] == '*' {
					depth++
					l.pos += 2
					continue
				}
				if src[l.pos] == '*' && src[l.pos+1] == '/' {
					depth--
					l.pos += 2
					if depth == 0 {
						break
					}
					continue
				}
				if src[l.pos] == '\n' {
					l.line++
				}
				l.pos++
			}
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(src[l.pos:])
			if r == 0xA0 || r == 0xFEFF || unicode.IsSpace(r) {
				l.pos += n
				continue
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '#'
}

func isIdentPart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '#' || c == '@' || c == '$'
}

// scanWord advances over identifier characters (ASCII and Unicode letters).
func (l *lexer) scanWord() {
	src := l.src
	for l.pos < len(src) {
		c := src[l.pos]
		if c < 0x80 {
			if !isIdentPart(c) {
				return
			}
			l.pos++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[l.pos:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return
		}
		l.pos += n
	}
}

func (l *lexer) next(_ []Token) (Token, []*msgs.Error) {
	if err := l.skipSpace(); err != nil {
		return Token{}, []*msgs.Error{err}
	}
	src := l.src
	start := l.pos
	t := Token{Pos: int32(start), Line: l.line}
	if l.pos >= len(src) {
		t.Kind = EOF
		t.End = t.Pos
		return t, nil
	}
	c := src[l.pos]
	switch {
	case (c == 'N' || c == 'n') && l.pos+1 < len(src) && src[l.pos+1] == '\'':
		l.pos++
		val, errs := l.quoted('\'')
		if errs != nil {
			return t, errs
		}
		t.Kind, t.Val = NString, val
	case isIdentStart(c):
		l.pos++
		l.scanWord()
		t.Kind = Ident
		t.Val = src[start:l.pos]
		t.Kw = LookupKeyword(t.Val)
	case c == '@':
		l.pos++
		t.Kind = Variable
		if l.pos < len(src) && src[l.pos] == '@' {
			l.pos++
			t.Kind = GlobalVar
		}
		l.scanWord()
		t.Val = src[start:l.pos]
	case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(src) && isDigit(src[l.pos+1]):
		l.number(&t)
	case c == '$' && l.pos+1 < len(src) && (isDigit(src[l.pos+1]) || src[l.pos+1] == '.'):
		l.pos++
		numStart := l.pos
		for l.pos < len(src) && (isDigit(src[l.pos]) || src[l.pos] == '.') {
			l.pos++
		}
		t.Kind, t.Val = Money, src[numStart:l.pos]
	case c == '$':
		// $action, $IDENTITY, $ROWGUID, $PARTITION
		l.pos++
		l.scanWord()
		t.Kind, t.Val = Ident, src[start:l.pos]
	case c == '\'':
		val, errs := l.quoted('\'')
		if errs != nil {
			return t, errs
		}
		t.Kind, t.Val = String, val
	case c == '"':
		val, errs := l.quoted('"')
		if errs != nil {
			return t, errs
		}
		if l.opts.QuotedIdentifierOff {
			t.Kind = String
		} else {
			t.Kind = QuotedIdent
		}
		t.Val = val
	case c == '[':
		val, errs := l.quoted(']')
		if errs != nil {
			return t, errs
		}
		t.Kind, t.Val = QuotedIdent, val
	case c >= 0x80:
		r, n := utf8.DecodeRuneInString(src[l.pos:])
		if unicode.IsLetter(r) {
			l.pos += n
			l.scanWord()
			t.Kind, t.Val = Ident, src[start:l.pos]
		} else {
			l.pos += n
			t.Kind, t.Val = Illegal, src[start:l.pos]
		}
	default:
		l.operator(&t)
	}
	t.End = int32(l.pos)
	return t, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// number scans an integer, decimal, float or 0x binary literal.
func (l *lexer) number(t *Token) {
	src := l.src
	start := l.pos
	if src[l.pos] == '0' && l.pos+1 < len(src) && (src[l.pos+1] == 'x' || src[l.pos+1] == 'X') {
		l.pos += 2
		for l.pos < len(src) && isHex(src[l.pos]) {
			l.pos++
		}
		t.Kind, t.Val = Binary, src[start+2:l.pos]
		return
	}
	t.Kind = Int
	for l.pos < len(src) && isDigit(src[l.pos]) {
		l.pos++
	}
	if l.pos < len(src) && src[l.pos] == '.' {
		t.Kind = Decimal
		l.pos++
		for l.pos < len(src) && isDigit(src[l.pos]) {
			l.pos++
		}
	}
	if l.pos < len(src) && (src[l.pos] == 'e' || src[l.pos] == 'E') {
		// 1e5, 1e+5, 1e-5; SQL Server also accepts "1e" as 1e0.
		p := l.pos + 1
		if p < len(src) && (src[p] == '+' || src[p] == '-') {
			p++
		}
		d := p
		for p < len(src) && isDigit(src[p]) {
			p++
		}
		// "1else" or "1end" is 1 followed by a keyword, not an exponent.
		if p > d || p >= len(src) || !isIdentPart(src[p]) {
			t.Kind = Float
			l.pos = p
		}
	}
	t.Val = src[start:l.pos]
}

// quoted scans a quoted token whose opening quote is at l.pos; close is the
// closing quote character, doubled to escape it.
func (l *lexer) quoted(close byte) (string, []*msgs.Error) {
	src := l.src
	startLine := l.line
	l.pos++
	begin := l.pos
	var sb *strings.Builder
	seg := begin
	for {
		i := strings.IndexByte(src[l.pos:], close)
		if i < 0 {
			rest := src[begin:]
			for j := l.pos; j < len(src); j++ {
				if src[j] == '\n' {
					l.line++
				}
			}
			l.pos = len(src)
			return "", unclosed(rest, startLine)
		}
		for j := l.pos; j < l.pos+i; j++ {
			if src[j] == '\n' {
				l.line++
			}
		}
		l.pos += i
		if l.pos+1 < len(src) && src[l.pos+1] == close {
			if sb == nil {
				sb = &strings.Builder{}
			}
			sb.WriteString(src[seg : l.pos+1])
			l.pos += 2
			seg = l.pos
			continue
		}
		end := l.pos
		l.pos++
		if sb == nil {
			return src[begin:end], nil
		}
		sb.WriteString(src[seg:end])
		return sb.String(), nil
	}
}

func (l *lexer) operator(t *Token) {
	src := l.src
	c := src[l.pos]
	var n byte
	if l.pos+1 < len(src) {
		n = src[l.pos+1]
	}
	l.pos++
	two := func(k Kind) { t.Kind = k; l.pos++ }
	switch c {
	case '(':
		t.Kind = LParen
	case ')':
		t.Kind = RParen
	case ',':
		t.Kind = Comma
	case '.':
		t.Kind = Dot
	case ';':
		t.Kind = Semicolon
	case ':':
		if n == ':' {
			two(DoubleColon)
		} else {
			t.Kind = Colon
		}
	case '+':
		if n == '=' {
			two(PlusEq)
		} else {
			t.Kind = Plus
		}
	case '-':
		if n == '=' {
			two(MinusEq)
		} else {
			t.Kind = Minus
		}
	case '*':
		if n == '=' {
			two(StarEq)
		} else {
			t.Kind = Star
		}
	case '/':
		if n == '=' {
			two(SlashEq)
		} else {
			t.Kind = Slash
		}
	case '%':
		if n == '=' {
			two(PercentEq)
		} else {
			t.Kind = Percent
		}
	case '&':
		if n == '=' {
			two(AmpEq)
		} else {
			t.Kind = Amp
		}
	case '|':
		if n == '=' {
			two(PipeEq)
		} else {
			t.Kind = Pipe
		}
	case '^':
		if n == '=' {
			two(CaretEq)
		} else {
			t.Kind = Caret
		}
	case '~':
		t.Kind = Tilde
	case '=':
		t.Kind = Eq
	case '<':
		switch n {
		case '>':
			two(Ne)
		case '=':
			two(Le)
		default:
			t.Kind = Lt
		}
	case '>':
		if n == '=' {
			two(Ge)
		} else {
			t.Kind = Gt
		}
	case '!':
		switch n {
		case '=':
			two(NeBang)
		case '<':
			two(NotLt)
		case '>':
			two(NotGt)
		default:
			t.Kind = Illegal
		}
	default:
		t.Kind = Illegal
	}
	t.Val = src[t.Pos:l.pos]
}
