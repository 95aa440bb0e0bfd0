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
//
// It is the one key codec: sql/exec encodes storage keys (exec/keyenc.go)
// and in-memory hash keys (exec.EncodeKeyColl: GROUP BY, DISTINCT, joins,
// MERGE) with it. Row values are sql/exec's self-describing encoding
// (exec/rowenc.go), which rows on disk use and which decodes without
// the column types; the typed row codec this package once had was unused
// and was removed so that there is one row codec.
//
// Key strings are collation sort keys, which cannot be decoded back to the
// original text: the row (or an index entry's value) keeps the original.
//
// It imports sql/types only (collations come in through the SortKeyer
// interface); it must not import storage, tds, server or other sql/
// packages.
package rowcodec
