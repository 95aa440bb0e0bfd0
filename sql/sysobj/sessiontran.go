package sysobj

import (
	"encoding/binary"

	"github.com/tsqld/tsqld/sql/types"
)

// sys.system_columns (the columns of the system views: all_columns minus
// the user objects' columns) and sys.dm_tran_session_transactions (one
// row per session with an open transaction), added for go-mssqldb's live
// tests (TestMessageQueueWithErrors, TestCancelDuringRollback).
func init() {
	define("sys", "system_columns", columnCols, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, v := range sortedViews() {
			for _, ci := range ColumnsOf(c, viewObj(v)) {
				rows = append(rows, columnRow(c, ci))
			}
		}
		return rows
	})
	defineServer("sys", "dm_tran_session_transactions", `
session_id int
transaction_id bigint
transaction_descriptor binary(8)
enlist_count int
is_user_transaction bit
is_local bit
is_enlisted bit
is_bound bit
open_transaction_count int`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, s := range c.Env.Sessions() {
			if s.OpenTran == 0 {
				continue
			}
			desc := make([]byte, 8)
			binary.LittleEndian.PutUint64(desc, uint64(s.SPID))
			rows = append(rows, []types.Value{vI(int64(s.SPID)), vI(int64(s.SPID)), vBin(desc), vI(1), vB(true),
				vB(true), vB(false), vB(false), vI(int64(s.OpenTran))})
		}
		return rows
	})
}
