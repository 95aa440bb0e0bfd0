// Package types owns T-SQL data types and values: the type descriptors the
// binder derives (which are exactly what COLMETADATA sends), the runtime
// value representation, conversions (CAST/CONVERT, implicit), data-type
// precedence, and arithmetic with SQL Server's overflow and rounding rules.
//
// It must not import tds, server, storage or any other sql/ package except
// sql/collation and sql/msgs.
package types
