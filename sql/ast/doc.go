// Package ast owns the syntax tree of T-SQL batches: statement and
// expression nodes with their source spans, a printer that turns a tree back
// into T-SQL text (views, procedures and sys.sql_modules need it), and a
// generated walker.
//
// Nodes are syntactic: names are unresolved (ObjectName, ColumnRef), types
// are references by name with their arguments (TypeName), literals keep
// their original text. Binding, typing and execution live in sql/sem,
// sql/plan and sql/exec.
//
// It must not import anything of ours except sql/msgs and sql/types.
package ast
