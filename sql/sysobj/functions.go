package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/types"
)

// System table-valued functions (sys.fn_helpcollations …) are Views with
// a Func type ("IF"): they are listed with the system views (sys.all_objects,
// sys.all_columns) but bind only as calls in FROM (see Function), never
// as table names.

// Function finds a system table-valued function by the schema ("" or
// "sys") and name of a call in FROM; nil when there is none.
func Function(schema, name string) *View {
	switch strings.ToLower(schema) {
	case "", "sys":
		if v := registry["sys."+strings.ToLower(name)]; v != nil && v.Func != "" {
			return v
		}
	}
	return nil
}

// defineFunc registers a server-scoped system table-valued function of
// object type kind ("IF" or "TF").
func defineFunc(name, kind, spec string, rows func(c *Ctx) [][]types.Value) *View {
	v := defineServer("sys", name, spec, rows)
	v.Func = kind
	return v
}

func init() {
	// fn_helpcollations(): every collation of the server (the catalogue
	// of sql/collation, SQL Server 2022's list).
	defineFunc("fn_helpcollations", "IF", `
name sysname
description nvarchar(1000) null`, func(c *Ctx) [][]types.Value {
		cat := collation.Catalog()
		vals := make([]types.Value, 2*len(cat))
		rows := make([][]types.Value, len(cat))
		for i, e := range cat {
			vals[2*i], vals[2*i+1] = vS(e.Name), vS(e.Description)
			rows[i] = vals[2*i : 2*i+2 : 2*i+2]
		}
		return rows
	})
}
