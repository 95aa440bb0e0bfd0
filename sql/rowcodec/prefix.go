package rowcodec

// Key prefixes and range bounds.
//
// Every key starts with the owning table's id and the index id (the
// clustered/heap index of a table is index 1 by SQL Server's numbering,
// nonclustered indexes 2+), each as AppendKeyUint: compact, prefix-free and
// ordered, so one table's data is contiguous and each index is a range.

// AppendIndexPrefix appends the key prefix of an index of a table.
func AppendIndexPrefix(dst []byte, tableID, indexID uint64) []byte {
	return AppendKeyUint(AppendKeyUint(dst, tableID), indexID)
}

// AppendTablePrefix appends the prefix shared by all indexes of a table.
func AppendTablePrefix(dst []byte, tableID uint64) []byte {
	return AppendKeyUint(dst, tableID)
}

// PrefixEnd returns the smallest key greater than every key starting with
// prefix (the exclusive upper bound of a prefix scan), or nil when there is
// none (prefix is empty or all 0xFF: scan to the end).
//
// Because every column encoding is prefix-free, for a key prefix P
// followed by the encoding E of a column value v:
//
//	col = v   is [P+E, PrefixEnd(P+E))
//	col >= v  starts at P+E;         col > v starts at PrefixEnd(P+E)
//	col < v   ends before P+E;       col <= v ends before PrefixEnd(P+E)
//
// (for a DESC column the comparisons flip), and a whole index is
// [P, PrefixEnd(P)).
func PrefixEnd(prefix []byte) []byte {
	for i := len(prefix) - 1; i >= 0; i-- {
		if prefix[i] != 0xFF {
			end := make([]byte, i+1)
			copy(end, prefix)
			end[i]++
			return end
		}
	}
	return nil
}

// AppendPrefixEnd is PrefixEnd appending to dst; ok is false when there is
// no upper bound.
func AppendPrefixEnd(dst, prefix []byte) (out []byte, ok bool) {
	for i := len(prefix) - 1; i >= 0; i-- {
		if prefix[i] != 0xFF {
			dst = append(dst, prefix[:i+1]...)
			dst[len(dst)-1]++
			return dst, true
		}
	}
	return dst, false
}
