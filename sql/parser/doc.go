// Package parser owns the T-SQL grammar: a hand-written recursive-descent
// parser, one file per statement family (query.go, from.go, dml.go,
// table.go, module.go, misc.go, control.go, declare.go, set.go, exec.go),
// with precedence climbing for expressions (expr.go). It turns a batch into
// []ast.Stmt with source spans and reports syntax errors as SQL Server
// does: Msg 102 / 156 (near a token / keyword), 105 + 102 (unclosed
// quote), 113 (unclosed comment), 111 (CREATE VIEW/PROCEDURE/… not first
// in the batch), 159 (DROP INDEX without table), 319 (CTE after an
// unterminated statement), all severity 15 state 1 with the batch line.
//
// Entry points:
//
//	ParseBatch(text, Options) ([]ast.Stmt, error)  // a batch (text between GOs)
//	ParseExpr(text, Options) (ast.Expr, error)     // one expression
//	SplitBatches(script) []ScriptBatch             // sqlcmd-style GO splitting
//	Messages(err) []*msgs.Error                    // the messages of an error
//
// Errors are *msgs.Error, or ErrorList when SQL Server sends several
// messages; errors.As(err, &*msgs.Error) finds the first either way.
// ParseBatch is safe for concurrent use; parsers and token buffers are
// pooled, so a typical OLTP statement parses in a couple of microseconds.
//
// Grammar notes: value contexts (select items, arguments, VALUES, SET)
// take scalar expressions only, as in SQL Server, while WHERE/ON/HAVING/
// IF/WHILE/CASE WHEN/IIF take search conditions. A procedure call without
// EXEC is accepted as the first statement of a batch. Module statements
// keep their source text in Definition.
//
// It imports only sql/lexer, sql/ast and sql/msgs.
package parser
