package proc

import (
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/storage"
)

var _ sysobj.LockEnv = (*Session)(nil)

// Locks implements sysobj.LockEnv: the storage engines' key locks, each
// attributed to the session whose open transaction holds or awaits it.
// Locks of internal transactions (sequence values, logins) are not shown.
func (s *Session) Locks() []sysobj.KeyLock {
	owners := map[uint64]int16{}
	for _, ss := range s.srv.sessionList() {
		for i := range ss.lockIDs {
			if id := ss.lockIDs[i].Load(); id != 0 {
				owners[id] = ss.cfg.SPID
			}
		}
	}
	if len(owners) == 0 {
		return nil
	}
	var out []sysobj.KeyLock
	for _, eng := range []storage.Engine{s.srv.main, s.srv.temp} {
		ll, ok := eng.(storage.LockLister)
		if !ok {
			continue
		}
		for _, li := range ll.Locks() {
			db, obj, idx, ok := catalog.ParseDataKey(li.Key)
			if !ok {
				continue // catalog records and counters
			}
			if spid, ok := owners[li.Owner]; ok {
				out = append(out, sysobj.KeyLock{SPID: spid, DatabaseID: db, ObjectID: obj, IndexID: idx, Key: li.Key, Owner: li.Owner})
			}
			for _, w := range li.Waiters {
				if spid, ok := owners[w]; ok {
					out = append(out, sysobj.KeyLock{SPID: spid, DatabaseID: db, ObjectID: obj, IndexID: idx, Key: li.Key, Wait: true, Owner: w})
				}
			}
		}
	}
	return out
}
