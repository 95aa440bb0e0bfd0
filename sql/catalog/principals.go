package catalog

import (
	"strings"

	"github.com/tsqld/tsqld/storage"
)

// DropLogin removes a login.
func (c *Catalog) DropLogin(txn storage.Txn, name string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	ln := strings.ToLower(name)
	if err := c.deleteRecord(txn, loginKey(ln)); err != nil {
		return err
	}
	delete(c.logins, ln)
	c.bump()
	return nil
}

// User is a database user (CREATE USER): a database principal mapped to a
// login, or without one.
type User struct {
	ID            int32
	Name          string
	Login         string `json:",omitempty"` // "" = WITHOUT LOGIN
	DefaultSchema string `json:",omitempty"`
}

// firstUserPrincipalID is the first principal_id CREATE USER gives (1..4
// are dbo, guest, INFORMATION_SCHEMA and sys).
const firstUserPrincipalID = 5

// DBUser finds a database user by name (case-insensitive).
func (c *Catalog) DBUser(d *Database, name string) *User {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return nil
	}
	for i := range d.Sys.Users {
		if strings.EqualFold(d.Sys.Users[i].Name, name) {
			u := d.Sys.Users[i]
			return &u
		}
	}
	return nil
}

// DBUsers lists a database's users in id order.
func (c *Catalog) DBUsers(d *Database) []User {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return nil
	}
	return append([]User(nil), d.Sys.Users...)
}

// AddDBUser creates a database user; the caller checks for duplicates.
func (c *Catalog) AddDBUser(txn storage.Txn, d *Database, u User) (User, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	u.ID = firstUserPrincipalID
	for _, o := range sys.Users {
		if o.ID >= u.ID {
			u.ID = o.ID + 1
		}
	}
	for _, o := range sys.Roles {
		if o.ID >= u.ID {
			u.ID = o.ID + 1
		}
	}
	sys.Users = append(sys.Users, u)
	c.bump()
	return u, c.putDatabase(txn, d)
}

// DropDBUser removes a database user by name.
func (c *Catalog) DropDBUser(txn storage.Txn, d *Database, name string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	for i := range sys.Users {
		if strings.EqualFold(sys.Users[i].Name, name) {
			sys.Users = append(sys.Users[:i:i], sys.Users[i+1:]...)
			break
		}
	}
	c.bump()
	return c.putDatabase(txn, d)
}
