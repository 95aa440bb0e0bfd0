package sem

import "github.com/tsqld/tsqld/sql/catalog"

// PseudoTables is implemented by environments that run triggers: the
// inserted and deleted tables resolve by bare name before the catalog.
type PseudoTables interface {
	PseudoTable(name string) *catalog.Object
}
