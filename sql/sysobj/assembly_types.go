package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// The CLR system types' assembly: sys.assemblies lists it in every
// database (assembly_id 1, owned by sys) and sys.assembly_types its three
// types.
func init() {
	define("sys", "assemblies", `
name sysname
principal_id int null
assembly_id int
clr_name nvarchar(4000) null
permission_set tinyint null
permission_set_desc nvarchar(60) null
is_visible bit
create_date datetime
modify_date datetime
is_user_defined bit null`, func(c *Ctx) [][]types.Value {
		created := vN
		if c.DB != nil {
			created = vT(c.DB.Created)
		}
		return [][]types.Value{{vS("Microsoft.SqlServer.Types"), vI(catalog.SchemaSys), vI(1),
			vS("microsoft.sqlserver.types, version=11.0.0.0, culture=neutral, publickeytoken=89845dcd8080cc91, processorarchitecture=msil"),
			vI(1), vS("SAFE_ACCESS"), vB(true), created, created, vB(false)}}
	})
	define("sys", "assembly_types", typeCols+`
assembly_id int
assembly_class sysname null
is_binary_ordered bit null
is_fixed_length bit null
prog_id nvarchar(40) null
assembly_qualified_name nvarchar(4000) null
is_table_type bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, t := range SysTypes {
			if t.SystemID != types.UDTSystemTypeID {
				continue
			}
			id := types.TypeID(t.UserID)
			aqn := types.UDTAssemblyName(id)
			class, _, _ := strings.Cut(aqn, ",")
			rows = append(rows, []types.Value{vS(t.Name), vI(int64(t.SystemID)), vI(int64(t.UserID)), vI(catalog.SchemaSys), vN,
				vI(int64(t.MaxLength)), vI(0), vI(0), vN, vB(true), vB(false), vB(true), vI(0), vI(0),
				vI(1), vS(class), vB(id == types.HierarchyID), vB(false), vN, vS(aqn), vB(false)})
		}
		return rows
	})
}
