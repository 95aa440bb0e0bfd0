package exec

import (
	"context"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// SessionInfo answers the session-dependent functions (@@SPID,
// SCOPE_IDENTITY, DB_NAME, ERROR_NUMBER …).
type SessionInfo interface {
	GlobalVar(name string) types.Value
	SessionFunc(name string, args []types.Value) (types.Value, *msgs.Error)
}

// Ctx is what one statement's execution needs.
type Ctx struct {
	Go   context.Context
	Cat  *catalog.Catalog
	Opts *session.Options
	Sess SessionInfo
	// Vars are the variable slots of the batch.
	Vars []types.Value
	// Main and Temp are the transactions on the main and tempdb stores.
	Main, Temp storage.Txn
	// TempTxn, when set, begins the tempdb transaction on first use while
	// Temp is nil: most statements never touch tempdb, so the session does
	// not begin one per statement.
	TempTxn func() storage.Txn
	// TableVarTxn returns the storage transaction of table variables
	// (objects with TableVar set), which a transaction rollback does not
	// undo; nil keeps them in Temp.
	TableVarTxn func() storage.Txn
	// outer is the stack of enclosing rows for correlated subqueries.
	outer [][]types.Value
	// cteRows holds the working rows of recursive CTEs being evaluated.
	cteRows map[*sem.CTERef][][]types.Value
	// memo keeps outer-independent parts of correlated subqueries
	// (submemo.go).
	memo *relMemo
	// Profile, when set, counts each operator's rows and executions
	// (SET STATISTICS PROFILE, profile.go).
	Profile *Profile
	// LastIdentity is set by INSERT into a table with an identity column.
	Counters *Counters
	// Warn sends an informational message (ARITHABORT and ANSI_WARNINGS
	// OFF turn arithmetic errors into NULL plus a warning); may be nil.
	// 8153 (an aggregate skipped a NULL, null_warn.go) comes once per
	// Ctx: the session holds it back until the statement's DONE.
	Warn func(number int32)
	// nullElim records that 8153 was reported (null_warn.go).
	nullElim        bool
	LastIdentity    types.Value
	HasLastIdentity bool
}

// TxnFor returns the transaction holding object o of database db: table
// variables have their own (TableVarTxn), the rest Txn(db).
func (c *Ctx) TxnFor(db int32, o *catalog.Object) storage.Txn {
	if o != nil && o.TableVar && c.TableVarTxn != nil {
		if t := c.TableVarTxn(); t != nil {
			return t
		}
	}
	return c.Txn(db)
}

// Txn returns the transaction holding database db's data.
func (c *Ctx) Txn(db int32) storage.Txn {
	if db == catalog.TempDBID {
		if c.Temp == nil && c.TempTxn != nil {
			c.Temp = c.TempTxn()
		}
		if c.Temp != nil {
			return c.Temp
		}
	}
	return c.Main
}
