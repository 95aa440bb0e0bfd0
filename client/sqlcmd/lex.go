package sqlcmd

// lexState follows T-SQL strings, quoted identifiers and block comments
// across lines, so that GO and sqlcmd commands are recognised only at the
// start of a line that is not inside one of them (as sqlcmd does).
type lexState struct {
	comment int  // /* */ nesting depth
	quote   byte // 0, '\'', '"' or ']'
}

func (l *lexState) inside() bool { return l.comment > 0 || l.quote != 0 }

// scan advances the state over one line (without its newline).
func (l *lexState) scan(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case l.comment > 0:
			if c == '*' && i+1 < len(s) && s[i+1] == '/' {
				l.comment--
				i++
			} else if c == '/' && i+1 < len(s) && s[i+1] == '*' {
				l.comment++
				i++
			}
		case l.quote != 0:
			if c == l.quote {
				// A doubled closing quote is an escaped one.
				if i+1 < len(s) && s[i+1] == l.quote {
					i++
				} else {
					l.quote = 0
				}
			}
		default:
			switch c {
			case '\'', '"':
				l.quote = c
			case '[':
				l.quote = ']'
			case '-':
				if i+1 < len(s) && s[i+1] == '-' {
					return
				}
			case '/':
				if i+1 < len(s) && s[i+1] == '*' {
					l.comment++
					i++
				}
			}
		}
	}
}
