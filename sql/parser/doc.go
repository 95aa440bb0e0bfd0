// Package parser owns the T-SQL grammar: a hand-written recursive-descent
// parser, one file per statement family, with precedence climbing for
// expressions. It turns a batch into []ast.Stmt with source spans and
// reports syntax errors as SQL Server does (Msg 102, 156, 105, 113 with
// the batch line number).
//
// It imports only sql/lexer, sql/ast and sql/msgs.
package parser
