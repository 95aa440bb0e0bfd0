package parser

import (
	"errors"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Options are the session settings that change how text parses.
type Options struct {
	// QuotedIdentifierOff makes "x" a string literal (SET QUOTED_IDENTIFIER
	// OFF). The zero value follows the client default, ON.
	QuotedIdentifierOff bool
}

// ErrorList is returned when SQL Server reports more than one message for a
// syntax problem (an unclosed quote gives Msg 105 then Msg 102). errors.As
// finds the first *msgs.Error through Unwrap.
type ErrorList []*msgs.Error

func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap exposes the individual messages to errors.Is/As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Messages flattens an error returned by this package into SQL Server
// messages in the order SQL Server sends them.
func Messages(err error) []*msgs.Error {
	var l ErrorList
	if errors.As(err, &l) {
		return l
	}
	var m *msgs.Error
	if errors.As(err, &m) {
		return []*msgs.Error{m}
	}
	if err == nil {
		return nil
	}
	return []*msgs.Error{{Number: 102, Severity: 15, State: 1, Line: 1, Text: err.Error()}}
}

// ParseBatch parses a batch (the text between GO separators) into its
// statements. The error is a *msgs.Error or an ErrorList.
func ParseBatch(text string, opts Options) ([]ast.Stmt, error) {
	p := newParser(text, opts)
	defer p.release()
	if p.lexErrs != nil {
		return nil, lexError(p.lexErrs)
	}
	var stmts []ast.Stmt
	err := p.run(func() {
		stmts = p.parseBatch()
	})
	if err != nil {
		return nil, err
	}
	return stmts, nil
}

// ParseExpr parses a single scalar expression (defaults, computed columns,
// check constraints kept as text).
func ParseExpr(text string, opts Options) (ast.Expr, error) {
	p := newParser(text, opts)
	defer p.release()
	if p.lexErrs != nil {
		return nil, lexError(p.lexErrs)
	}
	var e ast.Expr
	err := p.run(func() {
		e = p.parseExpr()
		if p.tok().Kind != lexer.EOF {
			p.fail()
		}
	})
	return e, err
}

func lexError(errs []*msgs.Error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return ErrorList(errs)
}

type parser struct {
	src     string
	toks    []lexer.Token
	i       int
	opts    Options
	lexErrs []*msgs.Error
	// first is true while parsing the first statement of the batch, where a
	// bare procedure name is an implicit EXEC.
	first bool
	// batchFirst is true while the statement being parsed is the first of
	// the batch (CREATE VIEW/PROCEDURE/… must be); depth counts enclosing
	// control-of-flow statements; schemaElems allows CREATE VIEW inside
	// CREATE SCHEMA.
	batchFirst  bool
	depth       int
	schemaElems bool
	// inScalar is set while parsing a value expression, so parenthesised
	// sub-expressions stay values (see scalarExpr).
	inScalar bool
}

// bailout carries a syntax error up the recursive descent.
type bailout struct{ err *msgs.Error }

// parsers are pooled with their token buffers: the tree never points
// into the tokens (token values alias the batch text), so a buffer can be
// reused as soon as parsing ends.
var parserPool = sync.Pool{New: func() any { return &parser{toks: make([]lexer.Token, 0, 64)} }}

func newParser(text string, opts Options) *parser {
	p := parserPool.Get().(*parser)
	p.src, p.opts, p.i, p.first, p.batchFirst, p.depth, p.schemaElems, p.inScalar = text, opts, 0, false, false, 0, false, false
	p.toks, p.lexErrs = lexer.Tokenize(text, lexer.Options{QuotedIdentifierOff: opts.QuotedIdentifierOff}, p.toks[:0])
	return p
}

func (p *parser) release() {
	if cap(p.toks) > 1<<16 {
		p.toks = nil // do not pin huge buffers
	}
	p.src, p.lexErrs = "", nil
	if p.toks == nil {
		p.toks = make([]lexer.Token, 0, 64)
	}
	parserPool.Put(p)
}

func (p *parser) run(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	f()
	return nil
}

func (p *parser) tok() *lexer.Token { return &p.toks[p.i] }

func (p *parser) peek(n int) *lexer.Token {
	if p.i+n < len(p.toks) {
		return &p.toks[p.i+n]
	}
	return &p.toks[len(p.toks)-1]
}

func (p *parser) advance() *lexer.Token {
	t := &p.toks[p.i]
	if t.Kind != lexer.EOF {
		p.i++
	}
	return t
}

func (p *parser) is(k lexer.Kind) bool { return p.toks[p.i].Kind == k }

func (p *parser) isKw(kw lexer.Keyword) bool {
	t := &p.toks[p.i]
	return t.Kind == lexer.Ident && t.Kw == kw
}

func (p *parser) peekKw(n int, kw lexer.Keyword) bool {
	t := p.peek(n)
	return t.Kind == lexer.Ident && t.Kw == kw
}

func (p *parser) accept(k lexer.Kind) bool {
	if p.toks[p.i].Kind == k {
		p.i++
		return true
	}
	return false
}

func (p *parser) acceptKw(kw lexer.Keyword) bool {
	if p.isKw(kw) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expect(k lexer.Kind) *lexer.Token {
	if p.toks[p.i].Kind != k {
		p.fail()
	}
	return p.advance()
}

func (p *parser) expectKw(kw lexer.Keyword) {
	if !p.isKw(kw) {
		p.fail()
	}
	p.i++
}

// fail reports a syntax error at the current token.
func (p *parser) fail() {
	p.failAt(p.i)
}

// failAt reports Msg 156 near a reserved keyword or Msg 102 near anything
// else; at the end of the batch SQL Server quotes the last token.
func (p *parser) failAt(i int) {
	t := &p.toks[i]
	if t.Kind == lexer.EOF {
		if i == 0 {
			panic(bailout{&msgs.Error{Number: 102, Severity: 15, State: 1, Line: t.Line, Text: "Incorrect syntax near ''."}})
		}
		t = &p.toks[i-1]
	} else if t.Kind == lexer.Ident && t.Kw.Reserved() {
		panic(bailout{&msgs.Error{Number: 156, Severity: 15, State: 1, Line: t.Line,
			Text: "Incorrect syntax near the keyword '" + p.src[t.Pos:t.End] + "'."}})
	}
	near := p.src[t.Pos:t.End]
	switch t.Kind {
	case lexer.String, lexer.NString, lexer.QuotedIdent:
		near = t.Val
	}
	panic(bailout{&msgs.Error{Number: 102, Severity: 15, State: 1, Line: t.Line,
		Text: "Incorrect syntax near '" + near + "'."}})
}

// failMsg reports a specific SQL Server parse-time message.
func (p *parser) failMsg(num int32, text string) {
	panic(bailout{&msgs.Error{Number: num, Severity: 15, State: 1, Line: p.tok().Line, Text: text}})
}

// span builds the span from token index start to the last consumed token.
func (p *parser) span(start int) ast.Span {
	s := &p.toks[start]
	end := s.Pos
	if p.i > start {
		end = p.toks[p.i-1].End
	}
	return ast.Span{Pos: s.Pos, End: end, Line: s.Line}
}

// isIdent reports whether the current token can be an identifier: a
// quoted name or a word that is not a reserved keyword.
func (p *parser) isIdent() bool {
	t := &p.toks[p.i]
	return t.Kind == lexer.QuotedIdent || t.Kind == lexer.Ident && !t.Kw.Reserved()
}

func (p *parser) isIdentAt(n int) bool {
	t := p.peek(n)
	return t.Kind == lexer.QuotedIdent || t.Kind == lexer.Ident && !t.Kw.Reserved()
}

// ident consumes an identifier.
func (p *parser) ident() ast.Ident {
	if !p.isIdent() {
		p.fail()
	}
	t := p.advance()
	return ast.Ident{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Name: t.Val, Quoted: t.Kind == lexer.QuotedIdent}
}

// anyIdent consumes an identifier or any keyword (used where SQL Server
// accepts keywords as names, e.g. after a dot). A reserved word is marked
// Quoted so that printing brackets it and reparsing yields the same tree.
func (p *parser) anyIdent() ast.Ident {
	id := p.wordIdent()
	if t := &p.toks[p.i-1]; t.Kind == lexer.Ident && t.Kw.Reserved() {
		id.Quoted = true
	}
	return id
}

// wordIdent consumes an identifier or keyword as written; used for
// built-in names that are reserved words (LEFT, COALESCE, PUBLIC).
func (p *parser) wordIdent() ast.Ident {
	t := p.tok()
	if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
		p.fail()
	}
	p.advance()
	return ast.Ident{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Name: t.Val, Quoted: t.Kind == lexer.QuotedIdent}
}

// word returns the upper-case text of the current word token.
func (p *parser) word() string {
	t := p.tok()
	if t.Kind != lexer.Ident {
		return ""
	}
	if t.Kw != lexer.KwNone {
		return t.Kw.String()
	}
	return strings.ToUpper(t.Val)
}

// isWord reports whether the current token is the (unlisted) word w,
// compared case-insensitively.
func (p *parser) isWord(w string) bool {
	t := p.tok()
	return t.Kind == lexer.Ident && strings.EqualFold(t.Val, w)
}

func (p *parser) acceptWord(w string) bool {
	if p.isWord(w) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectWord(w string) {
	if !p.acceptWord(w) {
		p.fail()
	}
}

// objectName parses a multi-part name server.db.schema.object; empty parts
// are allowed in the middle (db..t).
func (p *parser) objectName() ast.ObjectName {
	start := p.i
	var parts [4]ast.Ident
	n := 0
	if !p.is(lexer.Dot) { // "..t": SQL Server allows leading empty parts
		parts[0] = p.ident()
	}
	n = 1
	for p.is(lexer.Dot) {
		if n == 4 {
			p.fail()
		}
		p.advance()
		if p.is(lexer.Dot) {
			n++ // empty part
			continue
		}
		parts[n] = p.anyIdent()
		n++
	}
	return p.makeName(start, parts[:n])
}

// makeName maps parts right-aligned onto server.db.schema.name.
func (p *parser) makeName(start int, parts []ast.Ident) ast.ObjectName {
	var on ast.ObjectName
	on.Span = p.span(start)
	n := len(parts)
	on.Name = parts[n-1]
	if n >= 2 {
		on.Schema = parts[n-2]
	}
	if n >= 3 {
		on.Database = parts[n-3]
	}
	if n >= 4 {
		on.Server = parts[n-4]
	}
	return on
}

// varName consumes a @variable and returns its name.
func (p *parser) varName() string {
	return p.expect(lexer.Variable).Val
}

// parenIdentList parses (a, b, c).
func (p *parser) parenIdentList() []ast.Ident {
	p.expect(lexer.LParen)
	var out []ast.Ident
	for {
		out = append(out, p.ident())
		if !p.accept(lexer.Comma) {
			break
		}
	}
	p.expect(lexer.RParen)
	return out
}

// stmtEnd reports whether the current token ends a statement.
func (p *parser) stmtEnd() bool {
	t := p.tok()
	return t.Kind == lexer.EOF || t.Kind == lexer.Semicolon
}
