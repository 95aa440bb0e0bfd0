package exec

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/msgs"
)

// A small JSON reader for the JSON functions: it keeps each value's raw
// text (JSON_QUERY and OPENJSON return fragments as written) and object
// members in document order.

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonString
	jsonNumber
	jsonTrue
	jsonFalse
	jsonArray
	jsonObject
)

// openJSONType is OPENJSON's type column for each kind.
var openJSONType = [...]int64{jsonNull: 0, jsonString: 1, jsonNumber: 2, jsonTrue: 3, jsonFalse: 3, jsonArray: 4, jsonObject: 5}

type jsonNode struct {
	kind  jsonKind
	off   int    // byte offset of raw in the document
	raw   string // the value's text
	koffs []int  // byte offsets of object members' keys
	str   string // decoded string value
	keys  []string
	elems []*jsonNode // object members (parallel to keys) or array elements
}

// scalarText is the value JSON_VALUE and OPENJSON's value column give for
// a scalar.
func (n *jsonNode) scalarText() string {
	switch n.kind {
	case jsonString:
		return n.str
	case jsonNull:
		return ""
	}
	return n.raw
}

type jsonParser struct {
	s   string
	pos int
}

func errJSONText(s string, pos int) *msgs.Error {
	ch := ""
	if pos < len(s) {
		r, _ := utf8.DecodeRuneInString(s[pos:])
		ch = string(r)
	}
	return fnErr(13609, "JSON text is not properly formatted. Unexpected character '%lc' is found at position %d.", ch, utf8.RuneCountInString(s[:min(pos, len(s))]))
}

// parseJSON parses a complete JSON text.
func parseJSON(s string) (*jsonNode, *msgs.Error) {
	p := &jsonParser{s: s}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.pos != len(s) {
		return nil, errJSONText(s, p.pos)
	}
	return n, nil
}

func (p *jsonParser) ws() {
	for p.pos < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *jsonParser) value() (*jsonNode, *msgs.Error) {
	p.ws()
	off := p.pos
	n, err := p.value1()
	if n != nil {
		n.off = off
	}
	return n, err
}

func (p *jsonParser) value1() (*jsonNode, *msgs.Error) {
	if p.pos >= len(p.s) {
		return nil, errJSONText(p.s, p.pos)
	}
	start := p.pos
	switch c := p.s[p.pos]; {
	case c == '{':
		p.pos++
		n := &jsonNode{kind: jsonObject}
		p.ws()
		if p.pos < len(p.s) && p.s[p.pos] == '}' {
			p.pos++
			n.raw = p.s[start:p.pos]
			return n, nil
		}
		for {
			p.ws()
			if p.pos >= len(p.s) || p.s[p.pos] != '"' {
				return nil, errJSONText(p.s, p.pos)
			}
			koff := p.pos
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.ws()
			if p.pos >= len(p.s) || p.s[p.pos] != ':' {
				return nil, errJSONText(p.s, p.pos)
			}
			p.pos++
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k)
			n.koffs = append(n.koffs, koff)
			n.elems = append(n.elems, v)
			p.ws()
			if p.pos < len(p.s) && p.s[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.pos < len(p.s) && p.s[p.pos] == '}' {
				p.pos++
				n.raw = p.s[start:p.pos]
				return n, nil
			}
			return nil, errJSONText(p.s, p.pos)
		}
	case c == '[':
		p.pos++
		n := &jsonNode{kind: jsonArray}
		p.ws()
		if p.pos < len(p.s) && p.s[p.pos] == ']' {
			p.pos++
			n.raw = p.s[start:p.pos]
			return n, nil
		}
		for {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.elems = append(n.elems, v)
			p.ws()
			if p.pos < len(p.s) && p.s[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.pos < len(p.s) && p.s[p.pos] == ']' {
				p.pos++
				n.raw = p.s[start:p.pos]
				return n, nil
			}
			return nil, errJSONText(p.s, p.pos)
		}
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &jsonNode{kind: jsonString, str: s, raw: p.s[start:p.pos]}, nil
	case c == '-' || c >= '0' && c <= '9':
		p.pos++
		for p.pos < len(p.s) && strings.IndexByte("0123456789.eE+-", p.s[p.pos]) >= 0 {
			p.pos++
		}
		raw := p.s[start:p.pos]
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			return nil, errJSONText(p.s, start)
		}
		return &jsonNode{kind: jsonNumber, raw: raw}, nil
	default:
		for _, lit := range []struct {
			w string
			k jsonKind
		}{{"true", jsonTrue}, {"false", jsonFalse}, {"null", jsonNull}} {
			if strings.HasPrefix(p.s[p.pos:], lit.w) {
				p.pos += len(lit.w)
				return &jsonNode{kind: lit.k, raw: lit.w}, nil
			}
		}
		return nil, errJSONText(p.s, p.pos)
	}
}

// str reads a string literal at p.pos (on the opening quote).
func (p *jsonParser) str() (string, *msgs.Error) {
	p.pos++
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\\':
			if p.pos+1 >= len(p.s) {
				return "", errJSONText(p.s, p.pos)
			}
			e := p.s[p.pos+1]
			p.pos += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				if p.pos+4 > len(p.s) {
					return "", errJSONText(p.s, p.pos)
				}
				u, err := strconv.ParseUint(p.s[p.pos:p.pos+4], 16, 16)
				if err != nil {
					return "", errJSONText(p.s, p.pos)
				}
				p.pos += 4
				r := rune(u)
				if utf16.IsSurrogate(r) && strings.HasPrefix(p.s[p.pos:], "\\u") && p.pos+6 <= len(p.s) {
					if u2, err := strconv.ParseUint(p.s[p.pos+2:p.pos+6], 16, 16); err == nil {
						r = utf16.DecodeRune(r, rune(u2))
						p.pos += 6
					}
				}
				b.WriteRune(r)
			default:
				return "", errJSONText(p.s, p.pos-1)
			}
		case c < 0x20:
			return "", errJSONText(p.s, p.pos)
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return "", errJSONText(p.s, p.pos)
}

// jsonStep is one path step: a member name or an array index.
type jsonStep struct {
	key   string
	index int
	isIdx bool
}

type jsonPath struct {
	strict, appendMode bool
	steps              []jsonStep
}

func errJSONPath(s string, pos int) *msgs.Error {
	ch := ""
	if pos < len(s) {
		r, _ := utf8.DecodeRuneInString(s[pos:])
		ch = string(r)
	}
	return fnErr(13607, "JSON path is not properly formatted. Unexpected character '%lc' is found at position %d.", ch, pos)
}

// parseJSONPath parses "[append] [lax|strict] $.a.b[0]."c d"".
func parseJSONPath(s string, allowAppend bool) (*jsonPath, *msgs.Error) {
	p := &jsonPath{}
	i := 0
	word := func(w string) bool {
		if strings.HasPrefix(s[i:], w) && (len(s) == i+len(w) || s[i+len(w)] == ' ') {
			i += len(w)
			for i < len(s) && s[i] == ' ' {
				i++
			}
			return true
		}
		return false
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if allowAppend && word("append") {
		p.appendMode = true
	}
	if word("strict") {
		p.strict = true
	} else {
		word("lax")
	}
	if i >= len(s) || s[i] != '$' {
		return nil, errJSONPath(s, i)
	}
	i++
	for i < len(s) {
		switch s[i] {
		case '.':
			i++
			if i < len(s) && s[i] == '"' {
				j := i + 1
				var b strings.Builder
				for j < len(s) && s[j] != '"' {
					if s[j] == '\\' && j+1 < len(s) {
						j++
					}
					b.WriteByte(s[j])
					j++
				}
				if j >= len(s) {
					return nil, errJSONPath(s, j)
				}
				p.steps = append(p.steps, jsonStep{key: b.String()})
				i = j + 1
				continue
			}
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				c := s[j]
				if c == ' ' || c == '"' || c == ']' || c == '$' || c == '*' {
					return nil, errJSONPath(s, j)
				}
				j++
			}
			if j == i {
				return nil, errJSONPath(s, j)
			}
			p.steps = append(p.steps, jsonStep{key: s[i:j]})
			i = j
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, errJSONPath(s, len(s))
			}
			n, err := strconv.Atoi(strings.TrimSpace(s[i+1 : i+j]))
			if err != nil || n < 0 {
				return nil, errJSONPath(s, i+1)
			}
			p.steps = append(p.steps, jsonStep{index: n, isIdx: true})
			i += j + 1
		default:
			return nil, errJSONPath(s, i)
		}
	}
	return p, nil
}

// find follows the path; nil when a step does not exist.
func (p *jsonPath) find(n *jsonNode) *jsonNode {
	for _, st := range p.steps {
		n = n.child(st)
		if n == nil {
			return nil
		}
	}
	return n
}

func (n *jsonNode) child(st jsonStep) *jsonNode {
	switch {
	case st.isIdx && n.kind == jsonArray:
		if st.index < len(n.elems) {
			return n.elems[st.index]
		}
	case !st.isIdx && n.kind == jsonObject:
		for i, k := range n.keys {
			if k == st.key {
				return n.elems[i]
			}
		}
	}
	return nil
}

// jsonQuote writes s as a JSON string literal (FOR JSON's escaping).
func jsonQuote(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '/':
			b.WriteString(`\/`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteString(strconv.FormatInt(int64(r)>>4, 16))
				b.WriteString(strconv.FormatInt(int64(r)&15, 16))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
