// Package collation owns string comparison semantics: SQL Server collations
// (every collation of SQL Server 2022's sys.fn_helpcollations, 5,508
// names), their lookup by name, comparison, order-preserving sort keys (for
// index keys, GROUP BY and DISTINCT hashing), LIKE matching and substring
// search (CHARINDEX, REPLACE) under a collation, the TDS 5-byte collation
// record, COLLATIONPROPERTY, and the code page conversion of varchar.
//
// Files: collation.go (Collation, Lookup, TDS, FromTDS), locales.go (the
// 88 Windows designators: LCID, code page, versions), sqlcoll.go (the 77
// SQL_* collations and their sort orders), catalog.go (Catalog: names and
// descriptions generated from those tables; the suffix rules), names.go
// (name grammar), property.go (COLLATIONPROPERTY), weights.go (the weight
// tables), sortkey.go, compare.go, primary.go (Compare), like.go,
// search.go, codepage.go, cp1252.go.
//
// Only Latin1_General's ordering is modelled: every Windows designator
// compares with those weights (case, accent, kana and width options
// honoured), and every SQL sort order with SQL_Latin1_General_CP1's. The
// LCID, code page and TDS record of each collation are exact.
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
