// Package lexer owns T-SQL tokenization: identifiers (plain, [bracketed],
// "quoted" under QUOTED_IDENTIFIER ON), keywords (SQL Server's reserved
// list plus the contextual words the parser needs), variables, numeric,
// money, string, N'unicode' and 0x binary literals, operators, and comments
// (-- and nested /* */). It reports unclosed quotes and comments with SQL
// Server's messages.
//
// It imports only sql/msgs.
package lexer
