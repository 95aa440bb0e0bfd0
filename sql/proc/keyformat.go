package proc

import (
	"fmt"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// rebuildKeys returns the catalog.CheckKeyFormat hook that rewrites a
// table stored with an older key format: its rows (index 0 holds them
// under the old clustered key or row id; the row values' encoding did not
// change) are read, the table's keys deleted, and the rows inserted again,
// which writes the current clustered keys, row ids and index entries.
// Rows that collide under the current key (strings equal under the
// column's collation that the old case fold told apart) fail the start.
func rebuildKeys(txn storage.Txn) func(d *catalog.Database, o *catalog.Object) error {
	cs := exec.NewCounters()
	return func(d *catalog.Database, o *catalog.Object) error {
		t := &exec.Table{DB: d.ID, Obj: o, Txn: txn}
		var rows [][]types.Value
		if err := t.Scan(func(_ []byte, row []types.Value) error {
			rows = append(rows, row)
			return nil
		}); err != nil {
			return err
		}
		p := catalog.TablePrefix(d.ID, o.ID)
		if err := catalog.DeleteRange(txn, p, catalog.PrefixEnd(p)); err != nil {
			return err
		}
		for _, r := range rows {
			m, err := t.Insert(cs, r)
			if err != nil {
				return err
			}
			if m != nil {
				return fmt.Errorf("Msg %d: %s", m.Number, m.Text)
			}
		}
		return nil
	}
}
