package catalog

import (
	"strings"

	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// firstUserTypeID is the first user_type_id of an alias type, as in SQL
// Server (ids up to 256 are the built-in types).
const firstUserTypeID = 257

// DBSys is the part of a database's metadata that is neither a schema nor
// an object: alias types (sp_addtype / CREATE TYPE … FROM), extended
// properties and database options. It is stored with the database record.
type DBSys struct {
	Types      []AliasType   `json:",omitempty"`
	Users      []User        `json:",omitempty"` // CREATE USER (principals.go)
	NextTypeID int32         `json:",omitempty"`
	Props      []ExtProperty `json:",omitempty"`
	// Options are database options set by ALTER DATABASE … SET or
	// sp_dboption, lower-case name → value ("recovery" → "SIMPLE").
	Options map[string]string `json:",omitempty"`
	// Roles, Members and Perms are the database security model
	// (security.go): CREATE ROLE, role memberships, GRANT/DENY.
	Roles   []Role       `json:",omitempty"`
	Members []RoleMember `json:",omitempty"`
	Perms   []Perm       `json:",omitempty"`
}

// AliasType is a user-defined alias of a base type.
type AliasType struct {
	ID       int32
	Schema   string
	Name     string
	Base     types.Type
	Nullable bool
	// Table is set for a table type (CREATE TYPE … AS TABLE): the
	// definition each table-valued parameter of the type is created from.
	Table *Table `json:",omitempty"`
}

// ExtProperty is one extended property (sys.extended_properties).
// Class 0 = database, 1 = object or column; Major is the object id,
// Minor the column id (0 for the object itself).
type ExtProperty struct {
	Class int8
	Major int32
	Minor int32
	Name  string
	Value types.Value
	VType types.Type
}

// AliasType finds an alias type by schema and name; schema "" matches dbo.
func (c *Catalog) AliasType(d *Database, schema, name string) *AliasType {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return nil
	}
	if schema == "" {
		schema = "dbo"
	}
	for i := range d.Sys.Types {
		t := &d.Sys.Types[i]
		if strings.EqualFold(t.Name, name) && strings.EqualFold(t.Schema, schema) {
			return t
		}
	}
	return nil
}

// AliasTypeByID finds an alias type by user_type_id.
func (c *Catalog) AliasTypeByID(d *Database, id int32) *AliasType {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return nil
	}
	for i := range d.Sys.Types {
		if d.Sys.Types[i].ID == id {
			return &d.Sys.Types[i]
		}
	}
	return nil
}

// AliasTypes lists a database's alias types in id order.
func (c *Catalog) AliasTypes(d *Database) []AliasType {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return nil
	}
	return append([]AliasType(nil), d.Sys.Types...)
}

// AddAliasType creates an alias type; the caller checks for duplicates.
func (c *Catalog) AddAliasType(txn storage.Txn, d *Database, t AliasType) (AliasType, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	if sys.NextTypeID < firstUserTypeID {
		sys.NextTypeID = firstUserTypeID
	}
	t.ID = sys.NextTypeID
	sys.NextTypeID++
	sys.Types = append(sys.Types, t)
	c.bump()
	return t, c.putDatabase(txn, d)
}

// DropAliasType removes an alias type by id.
func (c *Catalog) DropAliasType(txn storage.Txn, d *Database, id int32) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	for i := range sys.Types {
		if sys.Types[i].ID == id {
			sys.Types = append(sys.Types[:i:i], sys.Types[i+1:]...)
			break
		}
	}
	c.bump()
	return c.putDatabase(txn, d)
}

// ExtProperties lists a database's extended properties.
func (c *Catalog) ExtProperties(d *Database) []ExtProperty {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return nil
	}
	return append([]ExtProperty(nil), d.Sys.Props...)
}

// SetExtProperty adds (add=true) or replaces/removes an extended property.
// It reports found=false when updating or dropping an absent property and
// found=true when adding one that exists (the caller raises 15233/15217).
func (c *Catalog) SetExtProperty(txn storage.Txn, d *Database, p ExtProperty, op byte) (found bool, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	idx := -1
	for i := range sys.Props {
		q := &sys.Props[i]
		if q.Class == p.Class && q.Major == p.Major && q.Minor == p.Minor && strings.EqualFold(q.Name, p.Name) {
			idx = i
		}
	}
	switch op {
	case 'a':
		if idx >= 0 {
			return true, nil
		}
		sys.Props = append(sys.Props, p)
	case 'u':
		if idx < 0 {
			return false, nil
		}
		sys.Props[idx] = p
	case 'd':
		if idx < 0 {
			return false, nil
		}
		sys.Props = append(sys.Props[:idx:idx], sys.Props[idx+1:]...)
	}
	c.bump()
	return idx >= 0, c.putDatabase(txn, d)
}

// DBOption returns a database option ("" when never set).
func (c *Catalog) DBOption(d *Database, name string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return ""
	}
	return d.Sys.Options[strings.ToLower(name)]
}

// SetDBOption sets a database option.
func (c *Catalog) SetDBOption(txn storage.Txn, d *Database, name, value string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	if sys.Options == nil {
		sys.Options = map[string]string{}
	}
	sys.Options[strings.ToLower(name)] = value
	c.bump()
	return c.putDatabase(txn, d)
}

func (d *Database) sys() *DBSys {
	if d.Sys == nil {
		d.Sys = &DBSys{}
	}
	return d.Sys
}
