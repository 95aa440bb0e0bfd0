package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// fn_listextendedproperty(property, level0 type, level0 name, level1 type,
// level1 name, level2 type, level2 name): the extended properties of the
// objects those levels name, as SSMS, SMO and scaffolding tools read
// descriptions. A NULL (or DEFAULT) name at a level lists every object
// of that type there; a NULL type stops the path at the level above; a
// NULL property lists every property.

// extObjectTypes maps level-1 type names to sys.objects types.
var extObjectTypes = map[string][]string{
	"TABLE": {"U"}, "VIEW": {"V"}, "PROCEDURE": {"P"}, "FUNCTION": {"FN", "IF", "TF"},
	"SEQUENCE": {"SO"}, "SYNONYM": {"SN"}, "RULE": {"R"}, "DEFAULT": {"D"},
}

func init() {
	v := defineFunc("fn_listextendedproperty", "IF", `
objtype sysname null
objname sysname null
name sysname
value sql_variant null`, func(c *Ctx) [][]types.Value {
		arg := func(i int) (string, bool) {
			if i >= len(c.Args) || c.Args[i].K == types.KindNull {
				return "", false
			}
			if c.Args[i].K == types.KindString {
				return c.Args[i].S, true
			}
			return "", false
		}
		d := c.DB
		if d == nil && c.Env != nil {
			d = c.Env.CurrentDB()
		}
		if d == nil {
			return nil
		}
		prop, hasProp := arg(0)
		t0, has0 := arg(1)
		n0, hasN0 := arg(2)
		t1, has1 := arg(3)
		n1, hasN1 := arg(4)
		t2, has2 := arg(5)
		n2, hasN2 := arg(6)
		t0, t1, t2 = strings.ToUpper(t0), strings.ToUpper(t1), strings.ToUpper(t2)
		var rows [][]types.Value
		for _, p := range c.Cat.ExtProperties(d) {
			if hasProp && !strings.EqualFold(p.Name, prop) {
				continue
			}
			objtype, objname := vN, vN
			switch {
			case !has0:
				if p.Class != 0 {
					continue
				}
			case t0 != "SCHEMA":
				continue
			case !has1:
				if p.Class != 3 {
					continue
				}
				name := d.SchemaNames[p.Major]
				if hasN0 && !strings.EqualFold(name, n0) {
					continue
				}
				objtype, objname = vS("SCHEMA"), vS(name)
			default:
				if p.Class != 1 && p.Class != 2 {
					continue
				}
				o := c.Cat.ObjectByID(d, p.Major)
				if o == nil || !matchType(t1, string(o.Kind)) {
					continue
				}
				if hasN0 && !strings.EqualFold(o.Schema, n0) {
					continue
				}
				if hasN1 && !strings.EqualFold(o.Name, n1) {
					continue
				}
				if !has2 {
					if p.Minor != 0 || p.Class != 1 {
						continue
					}
					objtype, objname = vS(t1), vS(o.Name)
					break
				}
				if p.Minor == 0 {
					continue
				}
				name, ok := minorName(c, o, p, t2)
				if !ok || (hasN2 && !strings.EqualFold(name, n2)) {
					continue
				}
				objtype, objname = vS(t2), vS(name)
			}
			rows = append(rows, []types.Value{objtype, objname, vS(p.Name), vVariant(p.VType, p.Value)})
		}
		return rows
	})
	v.Params = 7
	v.ArgValues = true
}

func matchType(level1 string, kind string) bool {
	for _, k := range extObjectTypes[level1] {
		if k == kind {
			return true
		}
	}
	return false
}

// minorName names a level-2 item (a column, or a parameter) of o.
func minorName(c *Ctx, o *catalog.Object, p catalog.ExtProperty, t2 string) (string, bool) {
	switch t2 {
	case "COLUMN":
		if p.Class != 1 || o.Table == nil || int(p.Minor) > len(o.Table.Columns) {
			if p.Class == 1 && o.View != nil && c.Env != nil {
				cols := c.Env.ViewColumns(o)
				if int(p.Minor) <= len(cols) {
					return cols[p.Minor-1].Name, true
				}
			}
			return "", false
		}
		return o.Table.Columns[p.Minor-1].Name, true
	case "PARAMETER":
		if p.Class != 2 || c.Env == nil {
			return "", false
		}
		ps := c.Env.Params(o)
		base := 1
		if len(ps) > 0 && ps[0].Return {
			base = 0 // a scalar function's return value is parameter 0
		}
		for i, prm := range ps {
			if !prm.Return && int32(i+base) == p.Minor {
				return prm.Name, true
			}
		}
	}
	return "", false
}
