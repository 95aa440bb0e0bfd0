package exec

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// tableFunc runs a built-in table-valued function (STRING_SPLIT, OPENJSON).
func (c *Ctx) tableFunc(r *sem.TableFunc, y Yield) error {
	args := make([]types.Value, len(r.Args))
	for i, a := range r.Args {
		v, err := c.Eval(a, nil)
		if err != nil {
			return merr(err)
		}
		args[i] = v
	}
	switch r.Name {
	case "STRING_SPLIT":
		return c.stringSplit(r, args, y)
	case "OPENJSON":
		return c.openJSON(r, args, y)
	case sem.FuncUDF:
		return c.userTableFunc(args, y)
	}
	return merr(fnErr(208, "Invalid object name '%.*ls'.", strings.ToLower(r.Name)))
}

func (c *Ctx) stringSplit(r *sem.TableFunc, args []types.Value, y Yield) error {
	if args[1].K == types.KindNull || len([]rune(args[1].S)) != 1 {
		return merr(fnErr(214, "Procedure expects parameter '%ls' of type '%ls'.", "separator", "nchar(1)/nvarchar(1)"))
	}
	if args[0].K == types.KindNull {
		return nil
	}
	row := make([]types.Value, len(r.Out))
	for i, part := range strings.Split(args[0].S, args[1].S) {
		row[0] = strVal(part)
		if len(row) > 1 {
			row[1] = intVal(int64(i + 1))
		}
		if err := y(row); err != nil {
			return err
		}
	}
	return nil
}

func (c *Ctx) openJSON(r *sem.TableFunc, args []types.Value, y Yield) error {
	if args[0].K == types.KindNull || len(args) == 2 && args[1].K == types.KindNull {
		return nil
	}
	doc, err := parseJSON(args[0].S)
	if err != nil {
		return merr(err)
	}
	path := "$"
	if len(args) == 2 {
		path = args[1].S
	}
	p, err := parseJSONPath(path, false)
	if err != nil {
		return merr(err)
	}
	n := p.find(doc)
	if n == nil {
		if p.strict {
			return merr(fnErr(13608, txt13608))
		}
		return nil
	}
	if n.kind != jsonObject && n.kind != jsonArray {
		if p.strict || r.With == nil {
			return merr(fnErr(13611, "Value referenced by JSON path is not an array or object and cannot be opened with OPENJSON."))
		}
		return nil
	}
	row := make([]types.Value, len(r.Out))
	if r.With == nil {
		for i, e := range n.elems {
			key := strconv.Itoa(i)
			if n.kind == jsonObject {
				key = n.keys[i]
			}
			row[0] = strVal(key)
			switch e.kind {
			case jsonNull:
				row[1] = types.Null
			case jsonObject, jsonArray:
				row[1] = strVal(e.raw)
			default:
				row[1] = strVal(e.scalarText())
			}
			row[2] = intVal(openJSONType[e.kind])
			if err := y(row); err != nil {
				return err
			}
		}
		return nil
	}
	// With an explicit schema each array element (or the object itself)
	// is one row.
	items := n.elems
	if n.kind == jsonObject {
		items = []*jsonNode{n}
	}
	paths := make([]*jsonPath, len(r.With))
	for i, w := range r.With {
		if paths[i], err = parseJSONPath(w.Path, false); err != nil {
			return merr(err)
		}
	}
	for _, it := range items {
		for i, w := range r.With {
			v, err := jsonColumn(it, paths[i], w.AsJSON, r.Out[i].Type)
			if err != nil {
				return merr(err)
			}
			row[i] = v
		}
		if err := y(row); err != nil {
			return err
		}
	}
	return nil
}

// jsonColumn extracts one OPENJSON WITH column from item.
func jsonColumn(item *jsonNode, p *jsonPath, asJSON bool, t types.Type) (types.Value, *msgs.Error) {
	n := p.find(item)
	if n == nil {
		if p.strict {
			return types.Null, fnErr(13608, txt13608)
		}
		return types.Null, nil
	}
	isObj := n.kind == jsonObject || n.kind == jsonArray
	if asJSON {
		if !isObj {
			if p.strict {
				return types.Null, fnErr(13624, txt13624)
			}
			return types.Null, nil
		}
		return strVal(n.raw), nil
	}
	if isObj {
		if p.strict {
			return types.Null, fnErr(13623, txt13623)
		}
		return types.Null, nil
	}
	if n.kind == jsonNull {
		return types.Null, nil
	}
	return types.Convert(strVal(n.scalarText()), types.Type{ID: types.NVarChar, Length: 4000}, t)
}
