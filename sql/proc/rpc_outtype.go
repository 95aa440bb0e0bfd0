package proc

import (
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/types"
)

// outParam returns an OUTPUT parameter's value as the caller declared it:
// SQL Server sends RETURNVALUE in the type of the RPC parameter (a client
// that binds a bigint to a bit parameter reads a bigint back). A value the
// caller's type cannot hold is sent in the parameter's own type.
func outParam(v types.Value, declared, caller types.Type) (types.Type, types.Value) {
	if caller.ID == 0 || caller.ID == declared.ID && caller.Length == declared.Length &&
		caller.Precision == declared.Precision && caller.Scale == declared.Scale {
		return declared, v
	}
	cv, err := exec.Convert(v, declared, caller)
	if err != nil {
		return declared, v
	}
	return caller, cv
}
