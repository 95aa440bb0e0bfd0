package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

func init() {
	register(bindEventData, "EVENTDATA")
}

// bindEventData binds EVENTDATA(): the xml event of the running DDL
// trigger (NULL elsewhere), answered by the session.
func bindEventData(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if len(e.Args) != 0 {
		b.fail(e, 174, "eventdata", 0)
	}
	return &Func{T: types.Type{ID: types.XML, Length: types.MaxLength}, Name: name}
}
