package exec

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// builtinEval evaluates one built-in call whose arguments are already
// evaluated (args[i] is of type x.Args[i].Type()).
type builtinEval func(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error)

// builtinEvals holds the functions evaluated outside evalFunc's switch,
// one file per family (funcs_string.go, funcs_date.go, …).
var builtinEvals = map[string]builtinEval{}

func registerEval(f builtinEval, names ...string) {
	for _, n := range names {
		builtinEvals[n] = f
	}
}

// anyNull reports whether some argument is NULL.
func anyNull(args []types.Value) bool {
	for i := range args {
		if args[i].K == types.KindNull {
			return true
		}
	}
	return false
}

// fnErr builds a message the catalogue may not hold yet: the catalogue's
// text when present, else SQL Server's text given here (severity 16).
func fnErr(number int32, text string, args ...any) *msgs.Error {
	if msgs.Text("us_english", number) != "" {
		return msgs.New(number, args...)
	}
	return &msgs.Error{Number: number, Severity: 16, State: 1, Text: msgs.Format(text, args...)}
}

func intVal(n int64) types.Value     { return types.Value{K: types.KindInt, I: n} }
func strVal(s string) types.Value    { return types.Value{K: types.KindString, S: s} }
func floatVal(f float64) types.Value { return types.Value{K: types.KindFloat, F: f} }
