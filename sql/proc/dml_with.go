package proc

import "github.com/tsqld/tsqld/sql/ast"

// withCTEs returns q with a DML statement's leading WITH clause and its
// OPTION clause attached, so that "WITH c AS (…) INSERT … SELECT … FROM c
// OPTION (MAXRECURSION n)" binds its source like a SELECT would. q itself
// is not modified (the parsed statement may be cached).
func withCTEs(q *ast.Query, with *ast.WithClause, opts []*ast.Option) *ast.Query {
	if (with == nil || q.With != nil) && len(opts) == 0 {
		return q
	}
	c := *q
	if with != nil && c.With == nil {
		c.With = with
	}
	if len(opts) > 0 {
		c.Options = append(append([]*ast.Option(nil), q.Options...), opts...)
	}
	return &c
}
