package server

import (
	"strings"
)

// insertBulk is a parsed INSERT BULK statement: the command a bulk-copy
// client sends before the 0x07 bulk load message that carries the rows.
type insertBulk struct {
	// Table is the object name as the client wrote it (already delimited
	// as needed), so it can be put back into T-SQL unchanged.
	Table string
	// Columns are the target columns in the order the rows carry them.
	Columns []string
	// Options of the WITH clause that change what is stored.
	KeepNulls    bool
	KeepIdentity bool
}

// bulkLexer splits INSERT BULK text into words, delimited identifiers and
// punctuation, skipping white space and comments.
type bulkLexer struct {
	s   string
	off int
}

// tokKind classifies a bulkLexer token.
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokWord
	tokQuoted // [..] or ".."; text is the unescaped name
	tokPunct
	tokOther // numbers, strings and anything else (kept as written)
)

type bulkTok struct {
	kind tokKind
	text string // unescaped for tokQuoted
	raw  string // as written
}

func (l *bulkLexer) skipSpace() {
	for l.off < len(l.s) {
		c := l.s[l.off]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v':
			l.off++
		case c == '-' && strings.HasPrefix(l.s[l.off:], "--"):
			if i := strings.IndexByte(l.s[l.off:], '\n'); i >= 0 {
				l.off += i + 1
			} else {
				l.off = len(l.s)
			}
		case c == '/' && strings.HasPrefix(l.s[l.off:], "/*"):
			depth := 0
			for l.off < len(l.s) {
				if strings.HasPrefix(l.s[l.off:], "/*") {
					depth++
					l.off += 2
				} else if strings.HasPrefix(l.s[l.off:], "*/") {
					depth--
					l.off += 2
					if depth == 0 {
						break
					}
				} else {
					l.off++
				}
			}
		default:
			return
		}
	}
}

func (l *bulkLexer) next() bulkTok {
	l.skipSpace()
	if l.off >= len(l.s) {
		return bulkTok{kind: tokEOF}
	}
	start := l.off
	c := l.s[l.off]
	switch {
	case c == '[' || c == '"':
		end := byte(']')
		if c == '"' {
			end = '"'
		}
		var b strings.Builder
		l.off++
		for l.off < len(l.s) {
			ch := l.s[l.off]
			if ch == end {
				if l.off+1 < len(l.s) && l.s[l.off+1] == end {
					b.WriteByte(end)
					l.off += 2
					continue
				}
				l.off++
				return bulkTok{kind: tokQuoted, text: b.String(), raw: l.s[start:l.off]}
			}
			b.WriteByte(ch)
			l.off++
		}
		return bulkTok{kind: tokOther, raw: l.s[start:]} // unterminated
	case isIdentStart(c):
		for l.off < len(l.s) && isIdentPart(l.s[l.off]) {
			l.off++
		}
		w := l.s[start:l.off]
		return bulkTok{kind: tokWord, text: w, raw: w}
	case c == '\'':
		l.off++
		for l.off < len(l.s) {
			if l.s[l.off] == '\'' {
				if l.off+1 < len(l.s) && l.s[l.off+1] == '\'' {
					l.off += 2
					continue
				}
				l.off++
				break
			}
			l.off++
		}
		return bulkTok{kind: tokOther, raw: l.s[start:l.off]}
	case c == '(' || c == ')' || c == ',' || c == '.' || c == '=' || c == ';':
		l.off++
		return bulkTok{kind: tokPunct, text: l.s[start:l.off], raw: l.s[start:l.off]}
	}
	l.off++
	for l.off < len(l.s) && isIdentPart(l.s[l.off]) {
		l.off++
	}
	return bulkTok{kind: tokOther, raw: l.s[start:l.off]}
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '@' || c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}

func (t bulkTok) is(word string) bool {
	return t.kind == tokWord && strings.EqualFold(t.text, word)
}

func (t bulkTok) punct(p string) bool { return t.kind == tokPunct && t.text == p }

// parseInsertBulk recognises an INSERT BULK batch. ok is false for any
// other batch (the engine runs it); a recognised statement that is
// malformed returns ok with a nil result (Msg 102/4022 territory: the
// caller reports a syntax error).
func parseInsertBulk(text string) (ib *insertBulk, ok bool) {
	l := bulkLexer{s: text}
	if !l.next().is("insert") || !l.next().is("bulk") {
		return nil, false
	}
	ib = &insertBulk{}
	// Object name: up to four parts, empty parts allowed ("..t").
	start := -1
	var tok bulkTok
	for {
		l.skipSpace()
		pos := l.off
		tok = l.next()
		if tok.kind == tokWord || tok.kind == tokQuoted {
			if start < 0 {
				start = pos
			}
			l.skipSpace()
			if l.off < len(l.s) && l.s[l.off] == '.' {
				continue
			}
			ib.Table = strings.TrimSpace(text[start:l.off])
			break
		}
		if tok.punct(".") {
			if start < 0 {
				start = pos
			}
			continue
		}
		return nil, true
	}
	tok = l.next()
	if tok.punct("(") {
		// Column definitions: name, then a type and its modifiers up to
		// the next top-level comma.
		for {
			name := l.next()
			if name.kind != tokWord && name.kind != tokQuoted {
				return nil, true
			}
			ib.Columns = append(ib.Columns, name.text)
			depth := 0
			for {
				t := l.next()
				switch {
				case t.kind == tokEOF:
					return nil, true
				case t.punct("("):
					depth++
					continue
				case t.punct(")") && depth > 0:
					depth--
					continue
				case t.punct(",") && depth == 0:
				case t.punct(")"):
				default:
					continue
				}
				tok = t
				break
			}
			if tok.punct(")") {
				break
			}
		}
		tok = l.next()
	}
	if tok.is("with") {
		if !l.next().punct("(") {
			return nil, true
		}
		depth := 1
		for depth > 0 {
			t := l.next()
			switch {
			case t.kind == tokEOF:
				return nil, true
			case t.punct("("):
				depth++
			case t.punct(")"):
				depth--
			case depth == 1 && t.is("keep_nulls"):
				ib.KeepNulls = true
			case depth == 1 && t.is("keepidentity"):
				ib.KeepIdentity = true
			}
		}
		tok = l.next()
	}
	if tok.punct(";") {
		tok = l.next()
	}
	if tok.kind != tokEOF {
		return nil, true
	}
	return ib, true
}

// quoteName delimits an identifier with brackets.
func quoteName(s string) string {
	return "[" + strings.ReplaceAll(s, "]", "]]") + "]"
}
