package exec

import (
	"strings"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// JSON scalar built-ins.

func init() {
	registerEval(evalIsJSON, "ISJSON")
	registerEval(evalJSONValue, "JSON_VALUE", "JSON_QUERY")
	registerEval(evalJSONModify, "JSON_MODIFY")
}

var (
	txt13608 = "Property cannot be found on the specified JSON path."
	txt13623 = "Scalar value cannot be found in the specified JSON path."
	txt13624 = "Object or array cannot be found in the specified JSON path."
	txt13625 = "String value in the specified JSON path would be truncated."
)

func evalIsJSON(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[0].K == types.KindNull {
		return types.Null, nil
	}
	n, err := parseJSON(args[0].S)
	if err != nil {
		return intVal(0), nil
	}
	want := int64(0)
	if len(args) == 2 {
		want = args[1].I
	}
	ok := false
	switch want {
	case 0:
		ok = n.kind == jsonObject || n.kind == jsonArray
	case 1:
		ok = true
	case 2:
		ok = n.kind == jsonArray
	case 3:
		ok = n.kind == jsonObject
	case 4:
		ok = n.kind != jsonObject && n.kind != jsonArray
	}
	if ok {
		return intVal(1), nil
	}
	return intVal(0), nil
}

func evalJSONValue(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	path := "$"
	if len(args) == 2 {
		path = args[1].S
	}
	doc, err := parseJSON(args[0].S)
	if err != nil {
		return types.Null, err
	}
	p, err := parseJSONPath(path, false)
	if err != nil {
		return types.Null, err
	}
	n := p.find(doc)
	fail := func(number int32, text string) (types.Value, *msgs.Error) {
		if p.strict {
			return types.Null, fnErr(number, text)
		}
		return types.Null, nil
	}
	if n == nil {
		return fail(13608, txt13608)
	}
	isObj := n.kind == jsonObject || n.kind == jsonArray
	if x.Name == "JSON_QUERY" {
		if !isObj {
			return fail(13624, txt13624)
		}
		return strVal(n.raw), nil
	}
	if isObj {
		return fail(13623, txt13623)
	}
	if n.kind == jsonNull {
		return types.Null, nil
	}
	s := n.scalarText()
	if utf8.RuneCountInString(s) > 4000 {
		return fail(13625, txt13625)
	}
	return strVal(s), nil
}

// jsonLiteral renders JSON_MODIFY's new value.
func jsonLiteral(v types.Value, mode int64) string {
	switch mode {
	case 1, 2:
		if v.K == types.KindString {
			return v.S
		}
		return ToString(v, types.TypeOfValue(v))
	case 3:
		if v.I != 0 {
			return "true"
		}
		return "false"
	}
	var b strings.Builder
	jsonQuote(&b, v.S)
	return b.String()
}

func evalJSONModify(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[0].K == types.KindNull || args[1].K == types.KindNull {
		return types.Null, nil
	}
	text := args[0].S
	doc, err := parseJSON(text)
	if err != nil {
		return types.Null, err
	}
	p, err := parseJSONPath(args[1].S, true)
	if err != nil {
		return types.Null, err
	}
	if len(p.steps) == 0 {
		return types.Null, fnErr(13609, "JSON text is not properly formatted. Unexpected character '%lc' is found at position %d.", "$", 0)
	}
	isNull := args[2].K == types.KindNull
	lit := "null"
	if !isNull {
		lit = jsonLiteral(args[2], args[3].I)
	}
	parent := doc
	for _, st := range p.steps[:len(p.steps)-1] {
		parent = parent.child(st)
		if parent == nil {
			if p.strict {
				return types.Null, fnErr(13608, txt13608)
			}
			return strVal(text), nil
		}
	}
	last := p.steps[len(p.steps)-1]
	target := parent.child(last)
	splice := func(from, to int, with string) types.Value {
		return strVal(text[:from] + with + text[to:])
	}
	if p.appendMode {
		if target == nil {
			if p.strict {
				return types.Null, fnErr(13608, txt13608)
			}
			if isNull || parent.kind != jsonObject {
				return strVal(text), nil
			}
			return addMember(text, parent, last.key, "["+lit+"]"), nil
		}
		if target.kind != jsonArray {
			if p.strict {
				return types.Null, fnErr(13608, txt13608)
			}
			return strVal(text), nil
		}
		if isNull {
			return strVal(text), nil
		}
		end := target.off + len(target.raw) - 1 // the closing ]
		if len(target.elems) == 0 {
			return splice(end, end, lit), nil
		}
		return splice(end, end, ","+lit), nil
	}
	if target == nil {
		if p.strict {
			return types.Null, fnErr(13608, txt13608)
		}
		if isNull || last.isIdx || parent.kind != jsonObject {
			return strVal(text), nil
		}
		return addMember(text, parent, last.key, lit), nil
	}
	if isNull && !p.strict && parent.kind == jsonObject {
		// Lax mode deletes the member.
		i := 0
		for i < len(parent.keys) && parent.elems[i] != target {
			i++
		}
		from, to := parent.koffs[i], target.off+len(target.raw)
		if i+1 < len(parent.keys) {
			to = parent.koffs[i+1]
		} else if i > 0 {
			prev := parent.elems[i-1]
			from = prev.off + len(prev.raw)
		}
		return splice(from, to, ""), nil
	}
	return splice(target.off, target.off+len(target.raw), lit), nil
}

// addMember appends "key":value to object parent.
func addMember(text string, parent *jsonNode, key, lit string) types.Value {
	var b strings.Builder
	end := parent.off + len(parent.raw) - 1 // the closing }
	b.WriteString(text[:end])
	if len(parent.keys) > 0 {
		b.WriteByte(',')
	}
	jsonQuote(&b, key)
	b.WriteByte(':')
	b.WriteString(lit)
	b.WriteString(text[end:])
	return strVal(b.String())
}
