package parser

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
)

func TestUDTSyntax(t *testing.T) {
	for _, q := range []string{
		"SELECT geometry::STGeomFromText('LINESTRING (100 100, 20 180, 180 180)', 0)",
		"SELECT hierarchyid::GetRoot(), hierarchyid::Parse('/1/').ToString()",
		"SELECT geography::Point(47.65, -122.35, 4326).Lat",
		"SELECT @g.STX, @g.STAsText(), @h.GetAncestor(1).ToString(), @g.STPointN(1).STY",
		"SELECT t.c.STAsText(), c.STX, CAST(0x58 AS hierarchyid).ToString() FROM t",
		"SELECT 1 WHERE @h.IsDescendantOf(hierarchyid::Parse('/1/')) = 1",
		"DECLARE @g geometry = geometry::Point(1, 2, 0)",
	} {
		roundTrip(t, q, q)
	}
	stmts, err := ParseBatch("SELECT geometry::Point(1, 2, 0).STX", Options{})
	if err != nil {
		t.Fatal(err)
	}
	sel := ast.StringStmts(stmts)
	if !strings.Contains(sel, "geometry::Point(1, 2, 0).STX") {
		t.Errorf("printed %s", sel)
	}
}
