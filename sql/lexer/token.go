package lexer

// Kind classifies a token.
type Kind uint8

const (
	EOF         Kind = iota
	Ident            // plain identifier or keyword (see Token.Kw), also #temp
	QuotedIdent      // [x] or "x" (QUOTED_IDENTIFIER ON)
	Variable         // @x
	GlobalVar        // @@x
	Int              // 123
	Decimal          // 1.5, 1.
	Float            // 1e5, 1.5E-3
	Money            // $12.5
	String           // 'x' (or "x" with QUOTED_IDENTIFIER OFF)
	NString          // N'x'
	Binary           // 0x1F
	LParen
	RParen
	Comma
	Dot
	Semicolon
	Colon
	DoubleColon
	Plus
	Minus
	Star
	Slash
	Percent
	Amp
	Pipe
	Caret
	Tilde
	Eq
	Ne     // <>
	NeBang // !=
	Lt
	Gt
	Le
	Ge
	NotLt // !<
	NotGt // !>
	PlusEq
	MinusEq
	StarEq
	SlashEq
	PercentEq
	AmpEq
	PipeEq
	CaretEq
	Illegal // a character that starts no token
)

// Keyword identifies a keyword; KwNone for ordinary identifiers.
type Keyword uint16

// Reserved reports whether k is one of SQL Server's reserved keywords, which
// cannot be used as identifiers without quoting.
func (k Keyword) Reserved() bool { return k != KwNone && int(k) <= numReserved }

// String returns the keyword in upper case.
func (k Keyword) String() string { return keywordNames[k] }

// Token is one lexical token. Pos/End are byte offsets into the batch and
// Line is the 1-based line of Pos. Val is the decoded text: identifier name
// without brackets and with ]] undone, string contents without quotes and
// with ” undone, variable name with '@', number text without '$' (money),
// hex digits of a binary (without 0x). It aliases the source when no
// decoding was needed.
type Token struct {
	Kind Kind
	Kw   Keyword
	Pos  int32
	End  int32
	Line int32
	Val  string
}

// LookupKeyword returns the keyword for word (any case), or KwNone.
func LookupKeyword(word string) Keyword {
	if len(word) > 40 {
		return KwNone
	}
	var buf [40]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return keywords[string(buf[:len(word)])]
}
