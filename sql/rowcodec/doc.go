// Package rowcodec owns the SQL layer's byte encodings on top of the
// storage key/value interface:
//
//   - Keys (key.go and friends): an order-preserving ("memcomparable")
//     encoding of a tuple of types.Value with per-column ASC/DESC, so that
//     bytes.Compare on encoded keys is SQL Server's ORDER BY on the tuple:
//     NULL first (last under DESC), strings by collation sort key. Each
//     column's encoding is prefix-free, so a tuple prefix is a byte prefix
//     and range bounds come from PrefixEnd. Keys start with a table/index
//     prefix (AppendIndexPrefix).
//   - Rows (row.go, rowdecode.go): a compact, versioned encoding of a row's
//     values given the column types (column count, null bitmap, per-type
//     payloads); rows written before ALTER TABLE ADD decode the missing
//     trailing columns as NULL or the supplied defaults.
//
// Key strings are collation sort keys, which cannot be decoded back to the
// original text: the row (or an index entry's value) keeps the original.
//
// It imports sql/types only (collations come in through the SortKeyer
// interface); it must not import storage, tds, server or other sql/
// packages.
package rowcodec
