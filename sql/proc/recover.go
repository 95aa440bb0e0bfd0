package proc

import "github.com/tsqld/tsqld/sql/msgs"

// recoverBind extracts a binder error from a recovered panic value.
func recoverBind(r any) (*msgs.Error, bool) {
	if e, ok := r.(interface{ BindError() *msgs.Error }); ok {
		return e.BindError(), true
	}
	return nil, false
}

func msgInfo(n int32, args ...any) *msgs.Error { return msgs.New(n, args...) }
