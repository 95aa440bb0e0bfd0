package lexer

import "testing"

func kinds(toks []Token) []Kind {
	out := make([]Kind, len(toks))
	for i, t := range toks {
		out[i] = t.Kind
	}
	return out
}

func TestTokenKinds(t *testing.T) {
	cases := []struct {
		in   string
		want []Kind
	}{
		{"SELECT a,b FROM [t]", []Kind{Ident, Ident, Comma, Ident, Ident, QuotedIdent, EOF}},
		{"@a @@ROWCOUNT #t ##g $action", []Kind{Variable, GlobalVar, Ident, Ident, Ident, EOF}},
		{"1 1.5 1. .5 1e5 1E-3 $1.5 0x0A 0x", []Kind{Int, Decimal, Decimal, Decimal, Float, Float, Money, Binary, Binary, EOF}},
		{"'a' N'b' \"c\"", []Kind{String, NString, QuotedIdent, EOF}},
		{"<> != !< !> <= >= = < >", []Kind{Ne, NeBang, NotLt, NotGt, Le, Ge, Eq, Lt, Gt, EOF}},
		{"+= -= *= /= %= &= |= ^=", []Kind{PlusEq, MinusEq, StarEq, SlashEq, PercentEq, AmpEq, PipeEq, CaretEq, EOF}},
		{"a::b; c:", []Kind{Ident, DoubleColon, Ident, Semicolon, Ident, Colon, EOF}},
		{"1end", []Kind{Int, Ident, EOF}},
		{"x -- comment\n/* a /* nested */ b */ y", []Kind{Ident, Ident, EOF}},
		{"café", []Kind{Ident, EOF}},
		{"?", []Kind{Illegal, EOF}},
	}
	for _, c := range cases {
		toks, errs := Tokenize(c.in, Options{}, nil)
		if errs != nil {
			t.Errorf("%q: %v", c.in, errs[0])
			continue
		}
		got := kinds(toks)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: token %d got %v want %v", c.in, i, got[i], c.want[i])
			}
		}
	}
}

func TestDecodingAndLines(t *testing.T) {
	toks, errs := Tokenize("a\n'x''y'\r\n[b]]c] /*\n*/ \"d\"\"e\" N'é'", Options{}, nil)
	if errs != nil {
		t.Fatal(errs[0])
	}
	want := []struct {
		val  string
		line int32
	}{{"a", 1}, {"x'y", 2}, {"b]c", 3}, {`d"e`, 4}, {"é", 4}}
	for i, w := range want {
		if toks[i].Val != w.val || toks[i].Line != w.line {
			t.Errorf("token %d: got %q line %d, want %q line %d", i, toks[i].Val, toks[i].Line, w.val, w.line)
		}
	}
	toks, _ = Tokenize(`"s"`, Options{QuotedIdentifierOff: true}, nil)
	if toks[0].Kind != String || toks[0].Val != "s" {
		t.Errorf("QUOTED_IDENTIFIER OFF: %+v", toks[0])
	}
}

func TestKeywords(t *testing.T) {
	if k := LookupKeyword("select"); k != KwSelect || !k.Reserved() {
		t.Errorf("select: %v", k)
	}
	if k := LookupKeyword("Output"); k != KwOutput || k.Reserved() {
		t.Errorf("output should be a non-reserved keyword: %v", k)
	}
	if k := LookupKeyword("customer"); k != KwNone {
		t.Errorf("customer: %v", k)
	}
	if KwTryConvert.String() != "TRY_CONVERT" || !KwTryConvert.Reserved() || KwTryCast.Reserved() {
		t.Error("TRY_CONVERT is reserved, TRY_CAST is not")
	}
}

func TestLexErrors(t *testing.T) {
	_, errs := Tokenize("SELECT 'abc\ndef", Options{}, nil)
	if len(errs) != 2 || errs[0].Number != 105 || errs[1].Number != 102 || errs[0].Line != 1 {
		t.Fatalf("unclosed string: %v", errs)
	}
	if errs[0].Text != "Unclosed quotation mark after the character string 'abc\ndef'." {
		t.Errorf("text %q", errs[0].Text)
	}
	_, errs = Tokenize("x /* never closed", Options{}, nil)
	if len(errs) != 1 || errs[0].Number != 113 || errs[0].Severity != 15 {
		t.Fatalf("unclosed comment: %v", errs)
	}
}

func BenchmarkTokenize(b *testing.B) {
	src := "SELECT c1, c2 FROM dbo.t WHERE id = @p1 AND name = N'x' ORDER BY c1 DESC"
	buf := make([]Token, 0, 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf, _ = Tokenize(src, Options{}, buf[:0])
	}
}
