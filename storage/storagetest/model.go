package storagetest

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/tsqld/tsqld/storage"
)

// testRandomModel applies random writes, savepoints, rollbacks, commits and
// scans to the engine and to a plain map model, comparing every read.
func testRandomModel(t *testing.T, e storage.Engine) {
	rng := rand.New(rand.NewPCG(1, 2))
	committed := map[string]string{}
	key := func() string { return fmt.Sprintf("k%02d", rng.IntN(40)) }
	for round := 0; round < 30; round++ {
		tx := begin(t, e, storage.TxnOptions{})
		cur := clone(committed)
		type sp struct {
			id    storage.Savepoint
			state map[string]string
		}
		var sps []sp
		for op := 0; op < 60; op++ {
			switch r := rng.IntN(100); {
			case r < 40:
				k, v := key(), fmt.Sprintf("v%d", rng.IntN(1000))
				mustSet(t, tx, k, v)
				cur[k] = v
			case r < 55:
				k := key()
				mustDelete(t, tx, k)
				delete(cur, k)
			case r < 62:
				sps = append(sps, sp{tx.Savepoint(), clone(cur)})
			case r < 68 && len(sps) > 0:
				i := rng.IntN(len(sps))
				if err := tx.RollbackTo(sps[i].id); err != nil {
					t.Fatal(err)
				}
				cur = clone(sps[i].state)
				sps = sps[:i+1]
			case r < 80:
				k := key()
				v, ok := cur[k]
				wantGet(t, tx, k, v, ok)
			default:
				lo, hi := key(), key()
				if lo > hi {
					lo, hi = hi, lo
				}
				if rng.IntN(4) == 0 {
					lo = ""
				}
				if rng.IntN(4) == 0 {
					hi = ""
				}
				rev := rng.IntN(2) == 0
				want := modelScan(cur, lo, hi, rev)
				wantScan(t, tx, lo, hi, rev, want...)
			}
		}
		if rng.IntN(3) == 0 {
			tx.Rollback()
		} else {
			mustCommit(t, tx)
			committed = cur
		}
		check := begin(t, e, storage.TxnOptions{ReadOnly: true})
		wantScan(t, check, "", "", false, modelScan(committed, "", "", false)...)
		check.Rollback()
	}
}

func clone(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func modelScan(m map[string]string, lo, hi string, rev bool) []string {
	var keys []string
	for k := range m {
		if (lo == "" || k >= lo) && (hi == "" || k < hi) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	if rev {
		for i, j := 0, len(keys)-1; i < j; i, j = i+1, j-1 {
			keys[i], keys[j] = keys[j], keys[i]
		}
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, k+"="+m[k])
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
