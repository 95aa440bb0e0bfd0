package server

import (
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// tableValue converts a decoded table-valued parameter to the engine's
// form. Values are copied (valueFromWire copies bytes; strings are new),
// so the request buffer can be reused.
func tableValue(p *tds.TVP) (*types.TableValue, error) {
	tv := &types.TableValue{Schema: p.Schema, TypeName: p.TypeName}
	if p.Null {
		return tv, nil // no columns: an empty table
	}
	tv.Columns = make([]types.TableValueColumn, len(p.Columns))
	for i := range p.Columns {
		c := &p.Columns[i]
		t, err := typeFromInfo(&c.TypeInfo)
		if err != nil {
			return nil, err
		}
		tv.Columns[i] = types.TableValueColumn{Name: c.Name, Type: t, Default: c.Flags&tds.TVPColDefault != 0}
	}
	tv.Rows = make([][]types.Value, len(p.Rows))
	for r, row := range p.Rows {
		vals := make([]types.Value, len(tv.Columns))
		for i := range vals {
			if i >= len(row) || row[i].Null || tv.Columns[i].Default {
				continue
			}
			v, err := valueFromWire(&p.Columns[i].TypeInfo, tv.Columns[i].Type, row[i].Data)
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
		tv.Rows[r] = vals
	}
	return tv, nil
}
