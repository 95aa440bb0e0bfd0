package sysobj

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// KeyLock is one row or index key lock held or awaited by a session
// (Env.Locks): the storage layer's exclusive key locks, mapped to their
// database, object and index.
type KeyLock struct {
	SPID       int16
	DatabaseID int32
	ObjectID   int32
	IndexID    int32 // 0 for a row key
	Key        []byte
	Wait       bool
	Owner      uint64 // transaction id (request_owner_id)
}

// LockEnv is implemented by Envs that can list locks (sys.dm_tran_locks);
// an Env without it shows only database locks.
type LockEnv interface {
	Locks() []KeyLock
}

func init() {
	// sys.dm_tran_locks: SQL Server's lock manager view. Every session
	// holds a shared DATABASE lock on its database; a transaction's row
	// writes are exclusive KEY locks (RID on a heap) under an intent
	// exclusive OBJECT lock on their table; a blocked writer's request
	// shows with status WAIT.
	defineServer("sys", "dm_tran_locks", `
resource_type nvarchar(60)
resource_subtype nvarchar(60)
resource_database_id int
resource_description nvarchar(256)
resource_associated_entity_id bigint null
resource_lock_partition int null
request_mode nvarchar(60)
request_type nvarchar(60)
request_status nvarchar(60)
request_reference_count smallint
request_lifetime int
request_session_id int
request_exec_context_id int
request_request_id int
request_owner_type nvarchar(60)
request_owner_id bigint
request_owner_guid uniqueidentifier
request_owner_lockspace_id nvarchar(32)
lock_owner_address varbinary(8)`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		guid := types.Value{K: types.KindGUID, B: make([]byte, 16)}
		row := func(rtype string, db int32, desc string, entity int64, mode, status string, spid int16, ownerType string, owner uint64) []types.Value {
			addr := binary.BigEndian.AppendUint64(nil, uint64(spid)<<32|uint64(len(rows)))
			return []types.Value{vS(rtype), vS(""), vI(int64(db)), vS(desc), vI(entity), vI(0), vS(mode), vS("LOCK"), vS(status),
				vI(1), vI(0), vI(int64(spid)), vI(0), vI(0), vS(ownerType), vI(int64(owner)), guid, vS("0x0000000000000000:1"), vBin(addr)}
		}
		for _, s := range c.Env.Sessions() {
			if s.DatabaseID != 0 {
				rows = append(rows, row("DATABASE", s.DatabaseID, "", 0, "S", "GRANT", s.SPID, "SHARED_TRANSACTION_WORKSPACE", 0))
			}
		}
		le, ok := c.Env.(LockEnv)
		if !ok {
			return rows
		}
		locks := le.Locks()
		sort.Slice(locks, func(i, j int) bool {
			a, b := locks[i], locks[j]
			if a.SPID != b.SPID {
				return a.SPID < b.SPID
			}
			if a.ObjectID != b.ObjectID {
				return a.ObjectID < b.ObjectID
			}
			return string(a.Key) < string(b.Key)
		})
		type objKey struct {
			spid   int16
			db, id int32
		}
		seen := map[objKey]bool{}
		for _, l := range locks {
			k := objKey{l.SPID, l.DatabaseID, l.ObjectID}
			if !seen[k] && !l.Wait {
				seen[k] = true
				rows = append(rows, row("OBJECT", l.DatabaseID, "", int64(l.ObjectID), "IX", "GRANT", l.SPID, "TRANSACTION", l.Owner))
			}
			idx := l.IndexID
			rtype, desc := "KEY", keyHash(l.Key)
			if idx == 0 {
				idx = 1
				if !clustered(c.Cat, l.DatabaseID, l.ObjectID) {
					// Heap rows are locked by row id: file:page:slot.
					h := fnv.New64a()
					h.Write(l.Key)
					v := h.Sum64()
					rtype, desc, idx = "RID", fmt.Sprintf("1:%d:%d", 8+v%100000, v>>48%256), 0
				}
			}
			hobt := int64(l.DatabaseID)<<48 | int64(l.ObjectID)<<16 | int64(idx)
			status := "GRANT"
			if l.Wait {
				status = "WAIT"
			}
			rows = append(rows, row(rtype, l.DatabaseID, desc, hobt, "X", status, l.SPID, "TRANSACTION", l.Owner))
		}
		return rows
	})
}

// keyHash renders a key lock's resource description as SQL Server does: a
// parenthesised 12-hex-digit hash of the key.
func keyHash(k []byte) string {
	h := fnv.New64a()
	h.Write(k)
	return fmt.Sprintf("(%012x)", h.Sum64()&0xFFFFFFFFFFFF)
}

func clustered(cat *catalog.Catalog, db, obj int32) bool {
	d := cat.DatabaseByID(db)
	if d == nil {
		return true
	}
	o := cat.ObjectByID(d, obj)
	if o == nil || o.Table == nil {
		return true // a #temp table of another session: assume clustered
	}
	return o.Table.Clustered() != nil
}
