package exec

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// FOR JSON / FOR XML: the input rows become one document.

func init() { registerEval(evalXMLText, "XML_TEXT") }

// forChunk is the length of the rows a top-level FOR JSON/XML result is
// cut into (SQL Server's 2033 characters).
const forChunk = 2033

func (c *Ctx) forRel(r *sem.ForRel, y Yield) error {
	cols := r.In.Cols()
	var b strings.Builder
	n := 0
	var err error
	levelOf, names := autoLevels(r)
	if len(names) > 1 {
		var rows [][]types.Value
		err = c.run(r.In, func(row []types.Value) error {
			cp := make([]types.Value, len(row))
			for i := range row {
				cp[i] = cloneValue(row[i])
			}
			rows = append(rows, cp)
			return nil
		})
		n = len(rows)
		jsonNested(&b, r, cols, rows, levelOf, names, 0)
	} else if r.JSON {
		err = c.run(r.In, func(row []types.Value) error {
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			jsonRow(&b, r, cols, row)
			return nil
		})
	} else {
		err = c.run(r.In, func(row []types.Value) error {
			n++
			xmlRow(&b, r, cols, row)
			return nil
		})
	}
	if err != nil {
		return err
	}
	if n == 0 {
		if r.Split {
			return nil
		}
		return y([]types.Value{types.Null})
	}
	doc := b.String()
	switch {
	case r.JSON && r.HasRoot:
		var w strings.Builder
		w.WriteByte('{')
		jsonQuote(&w, r.Root)
		w.WriteString(":[")
		w.WriteString(doc)
		w.WriteString("]}")
		doc = w.String()
	case r.JSON && !r.NoWrapper:
		doc = "[" + doc + "]"
	case !r.JSON && r.HasRoot:
		doc = "<" + r.Root + ">" + doc + "</" + r.Root + ">"
	}
	if !r.Split {
		return y([]types.Value{strVal(doc)})
	}
	row := make([]types.Value, 1)
	for doc != "" {
		cut, i := 0, 0
		for cut < len(doc) && i < forChunk {
			_, sz := utf8.DecodeRuneInString(doc[cut:])
			cut += sz
			i++
		}
		row[0] = strVal(doc[:cut])
		if err := y(row); err != nil {
			return err
		}
		doc = doc[cut:]
	}
	return nil
}

// jsonScalar renders one value as JSON.
func jsonScalar(b *strings.Builder, v types.Value, t types.Type, raw bool) {
	switch v.K {
	case types.KindNull:
		b.WriteString("null")
	case types.KindString:
		if raw {
			b.WriteString(v.S)
		} else {
			jsonQuote(b, v.S)
		}
	case types.KindBool:
		if v.I != 0 {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case types.KindInt, types.KindDecimal, types.KindMoney:
		if t.ID == types.Bit {
			jsonScalar(b, types.Value{K: types.KindBool, I: v.I}, t, false)
			return
		}
		s := ToString(v, t)
		if v.K == types.KindMoney {
			s = moneyText(v)
		}
		b.WriteString(s)
	case types.KindFloat:
		b.WriteString(strconv.FormatFloat(v.F, 'g', -1, 64))
	default:
		jsonQuote(b, forText(v, t))
	}
}

// moneyText is money with its four decimals trimmed of trailing zeros.
func moneyText(v types.Value) string {
	neg := v.I < 0
	u := v.I
	if neg {
		u = -u
	}
	s := strconv.FormatInt(u/10000, 10)
	if f := u % 10000; f != 0 {
		s += "." + strings.TrimRight(strconv.FormatInt(10000+f, 10)[1:], "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// forText is the text FOR JSON/XML writes for non-numeric values: ISO 8601
// dates, base64 binary, canonical GUIDs.
func forText(v types.Value, t types.Type) string {
	switch v.K {
	case types.KindDateTime:
		if s, err := types.FormatDateTime(v, t, 126); err == nil {
			return s
		}
	case types.KindBytes:
		return base64.StdEncoding.EncodeToString(v.B)
	case types.KindGUID:
		if g, err := types.Convert(v, t, types.Type{ID: types.VarChar, Length: 36}); err == nil {
			return g.S
		}
	case types.KindBool:
		return strconv.FormatInt(v.I, 10)
	case types.KindFloat:
		return strconv.FormatFloat(v.F, 'g', -1, 64)
	case types.KindMoney:
		return moneyText(v)
	}
	return ToString(v, t)
}

// jsonRow writes one row as an object; with PATH, dotted column names
// build nested objects ("a.b" → {"a":{"b":…}}).
func jsonRow(b *strings.Builder, r *sem.ForRel, cols []sem.Column, row []types.Value) {
	b.WriteByte('{')
	var open []string // the nested objects currently open
	first := []bool{true}
	for i, c := range cols {
		v := row[i]
		if v.K == types.KindNull && !r.IncludeNulls {
			continue
		}
		parts := []string{c.Name}
		if r.Mode == "PATH" {
			parts = strings.Split(c.Name, ".")
		}
		path, leaf := parts[:len(parts)-1], parts[len(parts)-1]
		// Close objects not shared with this column's path.
		k := 0
		for k < len(open) && k < len(path) && open[k] == path[k] {
			k++
		}
		for len(open) > k {
			b.WriteByte('}')
			open = open[:len(open)-1]
			first = first[:len(first)-1]
		}
		for _, p := range path[k:] {
			if !first[len(first)-1] {
				b.WriteByte(',')
			}
			first[len(first)-1] = false
			jsonQuote(b, p)
			b.WriteString(":{")
			open = append(open, p)
			first = append(first, true)
		}
		if !first[len(first)-1] {
			b.WriteByte(',')
		}
		first[len(first)-1] = false
		jsonQuote(b, leaf)
		b.WriteByte(':')
		jsonScalar(b, v, c.Type, i < len(r.RawJSON) && r.RawJSON[i])
	}
	for range open {
		b.WriteByte('}')
	}
	b.WriteByte('}')
}

func xmlEscape(b *strings.Builder, s string, attr bool) {
	for _, ch := range s {
		switch ch {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			b.WriteString("&#x0D;")
		case '"':
			if attr {
				b.WriteString("&quot;")
			} else {
				b.WriteRune(ch)
			}
		default:
			b.WriteRune(ch)
		}
	}
}

// xmlRow writes one row: PATH makes an element per named column and
// text for unnamed ones ('@x' names are attributes); RAW and AUTO write
// every column as an attribute of the row element.
func xmlRow(b *strings.Builder, r *sem.ForRel, cols []sem.Column, row []types.Value) {
	text := func(i int) string {
		if cols[i].Type.ID == types.XML {
			return row[i].S
		}
		var w strings.Builder
		xmlEscape(&w, forText(row[i], cols[i].Type), false)
		return w.String()
	}
	if r.Mode != "PATH" && r.Elements {
		b.WriteString("<" + r.Elem)
		if r.XSINIL {
			b.WriteString(` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`)
		}
		b.WriteByte('>')
		for i, c := range cols {
			switch {
			case row[i].K != types.KindNull:
				b.WriteString("<" + c.Name + ">" + text(i) + "</" + c.Name + ">")
			case r.XSINIL:
				b.WriteString("<" + c.Name + ` xsi:nil="true"/>`)
			}
		}
		b.WriteString("</" + r.Elem + ">")
		return
	}
	if r.Mode != "PATH" {
		b.WriteString("<" + r.Elem)
		for i, c := range cols {
			if row[i].K == types.KindNull {
				continue
			}
			b.WriteString(" " + c.Name + "=\"")
			xmlEscape(b, forText(row[i], c.Type), true)
			b.WriteByte('"')
		}
		b.WriteString("/>")
		return
	}
	if r.Elem != "" {
		b.WriteString("<" + r.Elem)
		for i, c := range cols {
			if strings.HasPrefix(c.Name, "@") && row[i].K != types.KindNull {
				b.WriteString(" " + c.Name[1:] + "=\"")
				xmlEscape(b, forText(row[i], c.Type), true)
				b.WriteByte('"')
			}
		}
		b.WriteByte('>')
	}
	for i, c := range cols {
		if row[i].K == types.KindNull || strings.HasPrefix(c.Name, "@") {
			continue
		}
		switch c.Name {
		case "", "*", "text()", "data()":
			b.WriteString(text(i))
		default:
			b.WriteString("<" + c.Name + ">" + text(i) + "</" + c.Name + ">")
		}
	}
	if r.Elem != "" {
		b.WriteString("</" + r.Elem + ">")
	}
}

// evalXMLText is the string value of an XML fragment: its text with the
// markup removed and entities decoded (xml.value('.', …)).
func evalXMLText(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[0].K == types.KindNull {
		return types.Null, nil
	}
	s := args[0].S
	var b strings.Builder
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return types.Null, fnErr(9400, "XML parsing: line %d, character %d, unexpected end of input", 1, len(s))
			}
			i += j + 1
		case '&':
			j := strings.IndexByte(s[i:], ';')
			if j < 0 {
				return types.Null, fnErr(9421, "XML parsing: line %d, character %d, illegal name character", 1, i+1)
			}
			ent := s[i+1 : i+j]
			switch {
			case ent == "amp":
				b.WriteByte('&')
			case ent == "lt":
				b.WriteByte('<')
			case ent == "gt":
				b.WriteByte('>')
			case ent == "quot":
				b.WriteByte('"')
			case ent == "apos":
				b.WriteByte('\'')
			case strings.HasPrefix(ent, "#x"):
				n, _ := strconv.ParseInt(ent[2:], 16, 32)
				b.WriteRune(rune(n))
			case strings.HasPrefix(ent, "#"):
				n, _ := strconv.ParseInt(ent[1:], 10, 32)
				b.WriteRune(rune(n))
			}
			i += j + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return strVal(b.String()), nil
}

// autoLevels assigns FOR JSON AUTO's columns to nesting levels: one level
// per source table in order of appearance; computed columns stay at the
// level of the column before them. Fewer than two levels means flat.
func autoLevels(r *sem.ForRel) (levelOf []int, names []string) {
	if !r.JSON || r.Mode != "AUTO" {
		return nil, nil
	}
	levelOf = make([]int, len(r.Tables))
	cur := 0
	for i, t := range r.Tables {
		if t != "" {
			found := -1
			for j, n := range names {
				if strings.EqualFold(n, t) {
					found = j
				}
			}
			if found < 0 {
				names = append(names, t)
				found = len(names) - 1
			}
			cur = found
		}
		levelOf[i] = cur
	}
	return levelOf, names
}

// jsonNested writes rows as FOR JSON AUTO does for joins: consecutive rows
// with the same values at a level are one object, and the next level's
// rows become an array under that table's name.
func jsonNested(b *strings.Builder, r *sem.ForRel, cols []sem.Column, rows [][]types.Value, levelOf []int, names []string, level int) {
	var idx []int
	for i, l := range levelOf {
		if l == level {
			idx = append(idx, i)
		}
	}
	key := func(row []types.Value) string {
		vals := make([]types.Value, len(idx))
		for k, i := range idx {
			vals[k] = row[i]
		}
		return string(EncodeKey(nil, vals, nil))
	}
	for start := 0; start < len(rows); {
		end := start + 1
		k := key(rows[start])
		for end < len(rows) && key(rows[end]) == k {
			end++
		}
		if start > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		first := true
		for _, i := range idx {
			v := rows[start][i]
			if v.K == types.KindNull && !r.IncludeNulls {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			jsonQuote(b, cols[i].Name)
			b.WriteByte(':')
			jsonScalar(b, v, cols[i].Type, i < len(r.RawJSON) && r.RawJSON[i])
		}
		if level+1 < len(names) {
			if !first {
				b.WriteByte(',')
			}
			jsonQuote(b, names[level+1])
			b.WriteString(":[")
			jsonNested(b, r, cols, rows[start:end], levelOf, names, level+1)
			b.WriteByte(']')
		}
		b.WriteByte('}')
		start = end
	}
}
