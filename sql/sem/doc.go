// Package sem is the binder: it resolves names in an ast tree against the
// catalog and the session's scopes (tables, aliases, CTEs, variables,
// outer queries), assigns every expression its static T-SQL type by data
// type precedence, inserts implicit conversions, and produces bound scalar
// expressions (Expr) and a logical relational tree (Rel) for sql/plan.
//
// Name errors are SQL Server's: 207 invalid column, 208 invalid object,
// 209 ambiguous column, 4104 multi-part identifier could not be bound.
//
// It must not import tds, server, storage, sql/plan or sql/exec.
package sem
