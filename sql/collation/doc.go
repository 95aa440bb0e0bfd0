// Package collation owns string comparison semantics: SQL Server collations
// (SQL_Latin1_General_CP1_CI_AS and the Windows Latin1_General_* family),
// their lookup by name, comparison, order-preserving sort keys (for index
// keys, GROUP BY and DISTINCT hashing), LIKE matching under a collation, the
// TDS 5-byte collation record, and the code page 1252 encoding of varchar.
//
// Comparison is defined by a multi-level sort key (see weights.go and
// sortkey.go): level 1 base letters, level 2 accents, level 3 case, level 4
// the Windows "word sort" characters (hyphen, apostrophe). Compare is, by
// construction, bytes.Compare of the two sort keys; an ASCII fast path
// computes the same answer without building keys or allocating.
//
// It must not import any package of ours except sql/msgs (for error 448).
// sql/types imports this package, never the reverse.
package collation
