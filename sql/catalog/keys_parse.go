package catalog

import "encoding/binary"

// ParseDataKey splits a row or index key into its database, object and
// index ids (IndexPrefix's layout); ok is false for other keys (catalog
// records, counters).
func ParseDataKey(k []byte) (db, obj, index int32, ok bool) {
	if len(k) < 13 || k[0] != prefixData {
		return 0, 0, 0, false
	}
	return int32(binary.BigEndian.Uint32(k[1:])), int32(binary.BigEndian.Uint32(k[5:])), int32(binary.BigEndian.Uint32(k[9:])), true
}
