package catalog

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tsqld/tsqld/storage"
)

// Well-known database ids (sys.databases.database_id).
const (
	MasterID = 1
	TempDBID = 2
	ModelID  = 3
	MSDBID   = 4
	// firstUserDB is the id the first user database gets, as in SQL Server.
	firstUserDB = 5
	// firstObjectID keeps user object ids clear of system ones.
	firstObjectID = 100000
)

// Well-known schema ids.
const (
	SchemaDBO               = 1
	SchemaGuest             = 2
	SchemaInformationSchema = 3
	SchemaSys               = 4
)

// Database is one database.
type Database struct {
	ID           int32
	Name         string
	Collation    string
	Created      time.Time
	Schemas      map[string]int32 // lower-case name → schema id
	SchemaNames  map[int32]string // schema id → name as created
	NextObjectID int32
	// Sys holds alias types, extended properties and database options
	// (see sys_db.go).
	Sys *DBSys `json:",omitempty"`

	objects map[string]*Object // "schema.name" lower-case
	byID    map[int32]*Object
}

type serverMeta struct {
	NextDatabaseID int32
	Created        time.Time
	// KeyFormat is the storage-key encoding of the data (format.go); 0 in
	// stores written before it was recorded.
	KeyFormat int `json:",omitempty"`
}

// Catalog is the in-memory view of all metadata.
type Catalog struct {
	mu     sync.RWMutex
	server serverMeta
	logins map[string]*Login
	dbs    map[string]*Database
	dbByID map[int32]*Database
	// Version increments on every change so plan caches can tell when a
	// cached plan may refer to changed objects.
	version uint64
	// parent is the shared catalog a transaction-private copy was forked
	// from (fork.go): ids are allocated from it so that concurrent
	// transactions never hand out the same object or database id.
	parent *Catalog
	// generation counts ReplaceWith calls (fork.go).
	generation uint64
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{
		logins: map[string]*Login{},
		dbs:    map[string]*Database{},
		dbByID: map[int32]*Database{},
	}
}

// Version returns the change counter.
func (c *Catalog) Version() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.version
}

func (c *Catalog) bump() { c.version++ }

func putJSON(txn storage.Txn, key []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set(key, b)
}

// Load reads the whole catalog through txn. It reports found=false when the
// store holds no catalog yet (first start).
func Load(txn storage.Txn) (c *Catalog, found bool, err error) {
	c = New()
	it := txn.Scan(MetaPrefix(), MetaEnd(), false)
	defer it.Close()
	type pending struct {
		db  int32
		obj *Object
	}
	var objs []pending
	for it.Next() {
		k, v := it.Key(), it.Value()
		if len(k) < 2 {
			continue
		}
		switch k[1] {
		case metaServer:
			found = true
			if err := json.Unmarshal(v, &c.server); err != nil {
				return nil, false, fmt.Errorf("catalog: server record: %w", err)
			}
		case metaLogin:
			l := &Login{}
			if err := json.Unmarshal(v, l); err != nil {
				return nil, false, fmt.Errorf("catalog: login record: %w", err)
			}
			c.logins[strings.ToLower(l.Name)] = l
		case metaDB:
			d := &Database{}
			if err := json.Unmarshal(v, d); err != nil {
				return nil, false, fmt.Errorf("catalog: database record: %w", err)
			}
			d.objects = map[string]*Object{}
			d.byID = map[int32]*Object{}
			c.dbs[strings.ToLower(d.Name)] = d
			c.dbByID[d.ID] = d
		case metaObject:
			o := &Object{}
			if err := json.Unmarshal(v, o); err != nil {
				return nil, false, fmt.Errorf("catalog: object record: %w", err)
			}
			db := int32(uint32(k[2])<<24 | uint32(k[3])<<16 | uint32(k[4])<<8 | uint32(k[5]))
			objs = append(objs, pending{db, o})
		}
	}
	if err := it.Err(); err != nil {
		return nil, false, err
	}
	for _, p := range objs {
		if d := c.dbByID[p.db]; d != nil {
			p.obj.Database = d.ID
			d.addObject(p.obj)
		}
	}
	return c, found, nil
}

// Bootstrap creates the system databases and the sa login in an empty store.
func (c *Catalog) Bootstrap(txn storage.Txn, collation, saPassword string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now().UTC()
	c.server = serverMeta{NextDatabaseID: firstUserDB, Created: now, KeyFormat: KeyFormat}
	if err := putJSON(txn, serverKey(), &c.server); err != nil {
		return err
	}
	for _, sys := range []struct {
		id   int32
		name string
	}{{MasterID, "master"}, {TempDBID, "tempdb"}, {ModelID, "model"}, {MSDBID, "msdb"}} {
		d := newDatabase(sys.id, sys.name, collation, now)
		if err := c.putDatabase(txn, d); err != nil {
			return err
		}
		c.dbs[sys.name] = d
		c.dbByID[d.ID] = d
	}
	sa, err := NewLogin("sa", saPassword, "master", true)
	if err != nil {
		return err
	}
	if err := putJSON(txn, loginKey("sa"), sa); err != nil {
		return err
	}
	c.logins["sa"] = sa
	c.bump()
	return nil
}

func newDatabase(id int32, name, collation string, now time.Time) *Database {
	d := &Database{
		ID: id, Name: name, Collation: collation, Created: now,
		Schemas:      map[string]int32{},
		SchemaNames:  map[int32]string{},
		NextObjectID: firstObjectID,
		objects:      map[string]*Object{},
		byID:         map[int32]*Object{},
	}
	for id, s := range map[int32]string{SchemaDBO: "dbo", SchemaGuest: "guest", SchemaInformationSchema: "INFORMATION_SCHEMA", SchemaSys: "sys"} {
		d.Schemas[strings.ToLower(s)] = id
		d.SchemaNames[id] = s
	}
	return d
}

// putDatabase stores d's record; the caller holds c.mu for writing
// (writes.go: released while waiting for the record's lock).
func (c *Catalog) putDatabase(txn storage.Txn, d *Database) error {
	return c.putRecord(txn, dbKey(d.ID), d)
}

// Database returns the database with the given name (case-insensitive).
func (c *Catalog) Database(name string) *Database {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.dbs[strings.ToLower(name)]
}

// DatabaseByID returns the database with the given id.
func (c *Catalog) DatabaseByID(id int32) *Database {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.dbByID[id]
}

// Databases lists all databases ordered by id.
func (c *Catalog) Databases() []*Database {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*Database, 0, len(c.dbByID))
	for _, d := range c.dbByID {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// CreateDatabase adds a database. The caller checks for duplicates (1801).
func (c *Catalog) CreateDatabase(txn storage.Txn, name, collation string) (*Database, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := c.server.NextDatabaseID
	if c.parent != nil {
		id = c.parent.allocDatabaseID(id)
	}
	c.server.NextDatabaseID = id + 1
	if err := c.putRecord(txn, serverKey(), &c.server); err != nil {
		return nil, err
	}
	d := newDatabase(id, name, collation, time.Now().UTC())
	if err := c.putDatabase(txn, d); err != nil {
		return nil, err
	}
	c.dbs[strings.ToLower(name)] = d
	c.dbByID[id] = d
	c.bump()
	return d, nil
}

// DropDatabase removes a database, its objects and all its data.
func (c *Catalog) DropDatabase(txn storage.Txn, d *Database) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.deleteRangeUnlocked(txn, objectPrefix(d.ID), PrefixEnd(objectPrefix(d.ID))); err != nil {
		return err
	}
	if err := c.deleteRangeUnlocked(txn, DatabasePrefix(d.ID), PrefixEnd(DatabasePrefix(d.ID))); err != nil {
		return err
	}
	if err := c.deleteRecord(txn, dbKey(d.ID)); err != nil {
		return err
	}
	delete(c.dbs, strings.ToLower(d.Name))
	delete(c.dbByID, d.ID)
	c.bump()
	return nil
}

// deleteRange deletes every key in [lo, hi). Keys are collected first so
// the iterator never observes its own deletions.
func deleteRange(txn storage.Txn, lo, hi []byte) error {
	var keys [][]byte
	it := txn.Scan(lo, hi, false)
	for it.Next() {
		keys = append(keys, append([]byte(nil), it.Key()...))
	}
	err := it.Err()
	it.Close()
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// DeleteRange deletes every key in [lo, hi) (table data on DROP/TRUNCATE).
func DeleteRange(txn storage.Txn, lo, hi []byte) error { return deleteRange(txn, lo, hi) }

func objKey(schema, name string) string {
	return strings.ToLower(schema) + "." + strings.ToLower(name)
}

func (d *Database) addObject(o *Object) {
	d.objects[objKey(o.Schema, o.Name)] = o
	d.byID[o.ID] = o
}

// SchemaID returns the id of a schema name, ok=false if absent.
func (d *Database) SchemaID(name string) (int32, bool) {
	id, ok := d.Schemas[strings.ToLower(name)]
	return id, ok
}

// Object looks up schema.name (case-insensitive).
func (c *Catalog) Object(d *Database, schema, name string) *Object {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return d.objects[objKey(schema, name)]
}

// ObjectByID looks up an object by id.
func (c *Catalog) ObjectByID(d *Database, id int32) *Object {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return d.byID[id]
}

// Objects lists the objects of a database ordered by id.
func (c *Catalog) Objects(d *Database) []*Object {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*Object, 0, len(d.byID))
	for _, o := range d.byID {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// AllocObjectID reserves a new object id in d.
func (c *Catalog) AllocObjectID(txn storage.Txn, d *Database) (int32, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := d.NextObjectID
	if c.parent != nil {
		id = c.parent.allocObjectID(d.ID, id)
	}
	d.NextObjectID = id + 1
	return id, c.putDatabase(txn, d)
}

// PutObject creates or replaces an object (its ID must be allocated).
func (c *Catalog) PutObject(txn storage.Txn, d *Database, o *Object) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	o.Database = d.ID
	if o.Created.IsZero() {
		o.Created = time.Now().UTC()
	}
	if c.parent != nil {
		// A transaction's private catalog: hold the names (fork.go).
		if err := c.lockNames(txn, d, o); err != nil {
			return err
		}
	}
	if err := c.putRecord(txn, objectKey(d.ID, o.ID), o); err != nil {
		return err
	}
	if old := d.byID[o.ID]; old != nil {
		delete(d.objects, objKey(old.Schema, old.Name))
	}
	d.addObject(o)
	c.bump()
	return nil
}

// DeleteObject removes an object and, for tables, all its rows.
func (c *Catalog) DeleteObject(txn storage.Txn, d *Database, o *Object) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.parent != nil {
		if err := c.lockNames(txn, d, o); err != nil {
			return err
		}
	}
	if err := c.deleteRecord(txn, objectKey(d.ID, o.ID)); err != nil {
		return err
	}
	if o.Kind == KindTable {
		p := TablePrefix(d.ID, o.ID)
		if err := c.deleteRangeUnlocked(txn, p, PrefixEnd(p)); err != nil {
			return err
		}
	}
	delete(d.objects, objKey(o.Schema, o.Name))
	delete(d.byID, o.ID)
	c.bump()
	return nil
}

// ReplaceWith swaps in the contents of a freshly loaded catalog (after a
// rollback of DDL). Pointers handed out earlier keep describing the old
// state, which is what a statement that already bound against it expects.
func (c *Catalog) ReplaceWith(n *Catalog) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// Ids handed out to still-open transactions stay reserved (fork.go).
	for id, d := range n.dbByID {
		if old := c.dbByID[id]; old != nil && old.NextObjectID > d.NextObjectID {
			d.NextObjectID = old.NextObjectID
		}
	}
	if c.server.NextDatabaseID > n.server.NextDatabaseID {
		n.server.NextDatabaseID = c.server.NextDatabaseID
	}
	c.server, c.logins, c.dbs, c.dbByID = n.server, n.logins, n.dbs, n.dbByID
	c.version++
	c.generation++
}
