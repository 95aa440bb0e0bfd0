package catalog

import (
	"errors"
	"strings"

	"github.com/tsqld/tsqld/storage"
)

// firstUserSchemaID is the first schema_id CREATE SCHEMA gives (1..4 are
// dbo, guest, INFORMATION_SCHEMA and sys; 16384+ are the fixed roles).
const firstUserSchemaID = 5

// ErrSchemaExists is returned by AddSchema for a name already in use.
var ErrSchemaExists = errors.New("catalog: schema exists")

// AddSchema creates a schema in d and returns its id.
func (c *Catalog) AddSchema(txn storage.Txn, d *Database, name string) (int32, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ln := strings.ToLower(name)
	if _, ok := d.Schemas[ln]; ok {
		return 0, ErrSchemaExists
	}
	id := int32(firstUserSchemaID)
	for sid := range d.SchemaNames {
		if sid >= id && sid < 16384 {
			id = sid + 1
		}
	}
	d.Schemas[ln] = id
	d.SchemaNames[id] = name
	c.bump()
	return id, c.putDatabase(txn, d)
}

// DropSchema removes a schema; the caller checks that nothing is in it.
func (c *Catalog) DropSchema(txn storage.Txn, d *Database, name string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	ln := strings.ToLower(name)
	id, ok := d.Schemas[ln]
	if !ok {
		return nil
	}
	delete(d.Schemas, ln)
	delete(d.SchemaNames, id)
	c.bump()
	return c.putDatabase(txn, d)
}
