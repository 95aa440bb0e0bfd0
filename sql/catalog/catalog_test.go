package catalog

import (
	"bytes"
	"context"
	"testing"

	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/mem"
)

func begin(t *testing.T, e storage.Engine) storage.Txn {
	t.Helper()
	txn, err := e.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	return txn
}

func TestBootstrapLoadRoundTrip(t *testing.T) {
	e := mem.Open()
	txn := begin(t, e)
	if _, found, _ := Load(txn); found {
		t.Fatal("empty store reported a catalog")
	}
	c := New()
	if err := c.Bootstrap(txn, "SQL_Latin1_General_CP1_CI_AS", "pw"); err != nil {
		t.Fatal(err)
	}
	d, err := c.CreateDatabase(txn, "Shop", "SQL_Latin1_General_CP1_CI_AS")
	if err != nil || d.ID != firstUserDB {
		t.Fatalf("create: %v id %d", err, d.ID)
	}
	id, _ := c.AllocObjectID(txn, d)
	tbl := &Table{Columns: []Column{{Name: "id", Type: types.Type{ID: types.Int}}}}
	if err := c.PutObject(txn, d, &Object{ID: id, Schema: "dbo", Name: "T", Kind: KindTable, Table: tbl}); err != nil {
		t.Fatal(err)
	}
	if err := txn.Commit(); err != nil {
		t.Fatal(err)
	}
	txn = begin(t, e)
	defer txn.Rollback()
	c2, found, err := Load(txn)
	if err != nil || !found {
		t.Fatalf("load: %v %v", found, err)
	}
	for _, name := range []string{"master", "tempdb", "model", "msdb", "SHOP"} {
		if c2.Database(name) == nil {
			t.Fatalf("database %s missing after load", name)
		}
	}
	o := c2.Object(c2.Database("shop"), "DBO", "t")
	if o == nil || o.Table.Columns[0].Name != "id" || o.Database != d.ID {
		t.Fatalf("object after load: %+v", o)
	}
	if l := c2.Login("SA"); l == nil || !l.SysAdmin || l.Iterations != PasswordIterations {
		t.Fatalf("sa after load: %+v", l)
	}
}

func TestVerifier(t *testing.T) {
	l, err := NewLogin("u", "secret", "master", false)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(l.Hash, []byte("secret")) {
		t.Fatal("password stored in clear")
	}
	v := NewVerifier()
	if !v.Check(l, "secret") || !v.Check(l, "secret") {
		t.Fatal("right password rejected")
	}
	if v.Check(l, "Secret") || v.Check(l, "") {
		t.Fatal("wrong password accepted")
	}
	// Changing the password invalidates the remembered success.
	l.SetPassword("other")
	if v.Check(l, "secret") {
		t.Fatal("old password accepted after change")
	}
	if !v.Check(l, "other") {
		t.Fatal("new password rejected")
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, c := range []struct{ in, want []byte }{
		{[]byte{1, 2}, []byte{1, 3}},
		{[]byte{1, 0xff}, []byte{2}},
		{[]byte{0xff, 0xff}, nil},
	} {
		if got := PrefixEnd(c.in); !bytes.Equal(got, c.want) {
			t.Errorf("PrefixEnd(%x) = %x, want %x", c.in, got, c.want)
		}
	}
	// Every key of a table sorts inside its prefix range, and other
	// tables' keys outside.
	p := TablePrefix(5, 7)
	k := IndexPrefix(nil, 5, 7, 2)
	if bytes.Compare(k, p) < 0 || bytes.Compare(k, PrefixEnd(p)) >= 0 {
		t.Fatal("index key outside its table prefix")
	}
	other := IndexPrefix(nil, 5, 8, 0)
	if bytes.Compare(other, PrefixEnd(p)) < 0 {
		t.Fatal("next table inside the prefix")
	}
}
