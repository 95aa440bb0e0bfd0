// Package collation owns string comparison semantics: SQL Server collations
// (SQL_Latin1_General_CP1_CI_AS and the Windows Latin1_General_* family),
// their lookup by name, comparison, order-preserving sort keys (for index
// keys, GROUP BY and DISTINCT hashing), LIKE matching and substring search
// (CHARINDEX, REPLACE) under a collation, the TDS 5-byte collation record,
// and the code page 1252 encoding of varchar.
//
// Files: collation.go (Collation, Lookup, TDS), names.go (name grammar),
// weights.go (the weight tables), sortkey.go, compare.go, primary.go
// (Compare), like.go, search.go, cp1252.go.
//
// Comparison is defined by a multi-level sort key (see weights.go and
// sortkey.go): level 1 base letters, level 2 accents, level 3 case, level 4
// the Windows "word sort" characters (hyphen, apostrophe). Compare is, by
// construction, bytes.Compare of the two sort keys; an ASCII fast path
// computes the same answer without building keys or allocating.
//
// SQL_* collations have two comparers: the Collation itself applies the
// SQL Server sort order to non-Unicode (char/varchar) data, and Unicode()
// gives the Windows rules SQL Server uses for nchar/nvarchar under the
// same collation. Binary collations compare code points with SQL Server's
// space padding; their nvarchar order is used for varchar too.
//
// It must not import any package of ours except sql/msgs (for error 448).
// sql/types imports this package, never the reverse.
package collation
