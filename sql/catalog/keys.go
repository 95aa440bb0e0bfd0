package catalog

import "encoding/binary"

// Key layout. One storage engine holds the whole server; the first byte
// separates metadata from data so a catalog load is one short range scan.
const (
	prefixMeta   byte = 0x01 // catalog records
	prefixData   byte = 0x02 // table rows and index entries
	metaServer   byte = 'S'
	metaLogin    byte = 'L'
	metaDB       byte = 'D'
	metaObject   byte = 'O'
	metaCounter  byte = 'C'
	metaNameLock byte = 'N' // lock-only keys (NameLockKey)
)

// MetaPrefix is the start of all catalog records.
func MetaPrefix() []byte { return []byte{prefixMeta} }

// MetaEnd is the end (exclusive) of all catalog records.
func MetaEnd() []byte { return []byte{prefixMeta + 1} }

func serverKey() []byte { return []byte{prefixMeta, metaServer} }

func loginKey(lowerName string) []byte {
	return append([]byte{prefixMeta, metaLogin}, lowerName...)
}

func dbKey(id int32) []byte {
	return binary.BigEndian.AppendUint32([]byte{prefixMeta, metaDB}, uint32(id))
}

// NameLockKey is the lock-only key of the name schema.name in database db:
// a transaction creating, altering or dropping the object holds its lock
// until it ends, and another session that cannot resolve the name waits
// on it (SQL Server's schema lock). Nothing is ever stored under it.
func NameLockKey(db int32, schema, name string) []byte {
	k := binary.BigEndian.AppendUint32([]byte{prefixMeta, metaNameLock}, uint32(db))
	return append(k, objKey(schema, name)...)
}

// DatabaseKey is the key of database id's record (its object-id counter,
// schemas, principals): DDL locks it before taking the server's DDL mutex.
func DatabaseKey(id int32) []byte { return dbKey(id) }

func objectKey(db, obj int32) []byte {
	k := binary.BigEndian.AppendUint32([]byte{prefixMeta, metaObject}, uint32(db))
	return binary.BigEndian.AppendUint32(k, uint32(obj))
}

func objectPrefix(db int32) []byte {
	return binary.BigEndian.AppendUint32([]byte{prefixMeta, metaObject}, uint32(db))
}

// CounterKey holds a persisted counter of one table (identity high-water
// mark or heap row-id block) so restarts continue past used values.
func CounterKey(db, obj int32, kind byte) []byte {
	k := binary.BigEndian.AppendUint32([]byte{prefixMeta, metaCounter}, uint32(db))
	k = binary.BigEndian.AppendUint32(k, uint32(obj))
	return append(k, kind)
}

// IndexPrefix is the key prefix of one index of one table: the clustered
// index (id 1) or heap (id 0) holds the rows, other ids hold index entries.
func IndexPrefix(dst []byte, db, obj int32, index int32) []byte {
	dst = append(dst, prefixData)
	dst = binary.BigEndian.AppendUint32(dst, uint32(db))
	dst = binary.BigEndian.AppendUint32(dst, uint32(obj))
	return binary.BigEndian.AppendUint32(dst, uint32(index))
}

// TablePrefix is the prefix of all data of one table (every index).
func TablePrefix(db, obj int32) []byte {
	dst := []byte{prefixData}
	dst = binary.BigEndian.AppendUint32(dst, uint32(db))
	return binary.BigEndian.AppendUint32(dst, uint32(obj))
}

// DatabasePrefix is the prefix of all data of one database.
func DatabasePrefix(db int32) []byte {
	return binary.BigEndian.AppendUint32([]byte{prefixData}, uint32(db))
}

// PrefixEnd returns the smallest key greater than every key with prefix p.
func PrefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] != 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}
