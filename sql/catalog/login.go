package catalog

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"strings"
	"sync"

	"golang.org/x/crypto/pbkdf2"

	"github.com/tsqld/tsqld/storage"
)

// PasswordIterations is the PBKDF2-SHA256 cost, the same as PostgreSQL's
// SCRAM-SHA-256 default: slow enough to make offline guessing expensive,
// fast enough (a few ms) for a login.
const PasswordIterations = 4096

// Login is a server principal (sys.sql_logins).
type Login struct {
	Name            string
	Salt            []byte
	Iterations      int
	Hash            []byte
	DefaultDatabase string
	DefaultLanguage string `json:",omitempty"`
	Disabled        bool
	SysAdmin        bool
	// ServerRoles are the fixed server roles other than sysadmin the
	// login is a member of (security.go); CheckPolicy is CHECK_POLICY.
	ServerRoles []string `json:",omitempty"`
	NoPolicy    bool     `json:",omitempty"`
}

// NewLogin hashes password with a fresh random salt.
func NewLogin(name, password, defaultDB string, sysadmin bool) (*Login, error) {
	l := &Login{Name: name, DefaultDatabase: defaultDB, SysAdmin: sysadmin}
	if err := l.SetPassword(password); err != nil {
		return nil, err
	}
	return l, nil
}

// SetPassword replaces the stored hash.
func (l *Login) SetPassword(password string) error {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	l.Salt = salt
	l.Iterations = PasswordIterations
	l.Hash = pbkdf2.Key([]byte(password), salt, l.Iterations, 32, sha256.New)
	return nil
}

// checkPassword runs the full key derivation.
func (l *Login) checkPassword(password string) bool {
	h := pbkdf2.Key([]byte(password), l.Salt, l.Iterations, len(l.Hash), sha256.New)
	return subtle.ConstantTimeCompare(h, l.Hash) == 1
}

// Login returns the login with the given name (case-insensitive).
func (c *Catalog) Login(name string) *Login {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.logins[strings.ToLower(name)]
}

// PutLogin creates or replaces a login.
func (c *Catalog) PutLogin(txn storage.Txn, l *Login) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.putRecord(txn, loginKey(strings.ToLower(l.Name)), l); err != nil {
		return err
	}
	c.logins[strings.ToLower(l.Name)] = l
	c.bump()
	return nil
}

// Verifier checks passwords, remembering successful verifications so that
// pooled reconnects with the right password skip the key derivation while
// wrong guesses always pay full cost. Entries are keyed by an HMAC (with a
// per-process random key) of login and password, so the cache never holds
// a password or a fast offline-checkable hash of one; the stored salt is
// part of the entry so a password change invalidates it.
type Verifier struct {
	key []byte
	mu  sync.Mutex
	ok  map[[32]byte]string // → salt of the login record it was checked against
}

// NewVerifier returns an empty verification cache.
func NewVerifier() *Verifier {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		panic("catalog: no randomness: " + err.Error())
	}
	return &Verifier{key: k, ok: map[[32]byte]string{}}
}

// maxVerified bounds the cache; it is cleared when full (simple, and a
// cleared cache only costs one derivation per login).
const maxVerified = 4096

// Check reports whether password is l's password.
func (v *Verifier) Check(l *Login, password string) bool {
	m := hmac.New(sha256.New, v.key)
	m.Write([]byte(strings.ToLower(l.Name)))
	m.Write([]byte{0})
	m.Write([]byte(password))
	var k [32]byte
	copy(k[:], m.Sum(nil))
	v.mu.Lock()
	salt, hit := v.ok[k]
	v.mu.Unlock()
	if hit && salt == string(l.Salt) {
		return true
	}
	if !l.checkPassword(password) {
		return false
	}
	v.mu.Lock()
	if len(v.ok) >= maxVerified {
		clear(v.ok)
	}
	v.ok[k] = string(l.Salt)
	v.mu.Unlock()
	return true
}
