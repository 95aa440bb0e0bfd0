package sqlcmd

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/golang-sql/sqlexp"
	mssql "github.com/microsoft/go-mssqldb"
)

// batchResult is what one execution of a batch left behind.
type batchResult struct {
	// maxSeverity is the highest error severity seen (0: none).
	maxSeverity int
	// failed: a client-side failure (connection lost, timeout, cancel).
	failed bool
	// first is the first column of the first row of the last result set
	// (what :exit(query) returns); hasFirst tells whether there was one.
	first    string
	hasFirst bool
	// cancelled: Ctrl-C ended the batch; timedOut: -t did.
	cancelled, timedOut bool
}

// columnsOf converts database/sql column types to formatter columns.
func columnsOf(cts []*sql.ColumnType) []Column {
	cols := make([]Column, len(cts))
	for i, ct := range cts {
		c := Column{Name: ct.Name(), Type: upperType(ct.DatabaseTypeName())}
		if l, ok := ct.Length(); ok {
			c.Length = l
			if l > 8000 {
				c.Length = MaxLength
			}
		}
		if n, ok := ct.Nullable(); ok {
			c.Nullable = n
		}
		if p, s, ok := ct.DecimalSize(); ok {
			c.Precision, c.Scale = p, s
		}
		cols[i] = c
	}
	return cols
}

// messageOf converts a go-mssqldb error or notice.
func messageOf(e mssql.Error) Message {
	return Message{Number: e.Number, Class: e.Class, State: e.State, Server: e.ServerName,
		Proc: e.ProcName, Line: e.LineNo, Text: e.Message}
}

// runBatch executes text on the session and streams everything through f
// in server order (go-mssqldb's message loop).
func runBatch(ctx context.Context, s *session, text string, f *Formatter, cc ControlChars) batchResult {
	var res batchResult
	retmsg := &sqlexp.ReturnMessage{}
	rows, err := s.conn.QueryContext(ctx, text, retmsg)
	if err != nil {
		reportErr(ctx, err, f, &res)
		return res
	}
	defer rows.Close()
	for more := true; more; {
		switch m := retmsg.Message(ctx).(type) {
		case sqlexp.MsgNotice:
			if e, ok := m.Message.(mssql.Error); ok {
				f.Message(messageOf(e))
			} else {
				f.Text(m.Message.String())
			}
		case sqlexp.MsgError:
			reportErr(ctx, m.Error, f, &res)
		case sqlexp.MsgRowsAffected:
			f.RowsAffected(m.Count)
		case sqlexp.MsgNextResultSet:
			more = rows.NextResultSet()
			if ctx.Err() != nil {
				more = false
			}
		case sqlexp.MsgNext:
			readResultSet(rows, f, cc, &res)
		}
	}
	if err := ctx.Err(); err != nil && !res.cancelled && !res.timedOut {
		reportErr(ctx, err, f, &res)
	} else if err := rows.Err(); err != nil && !res.failed {
		reportErr(ctx, err, f, &res)
	}
	return res
}

func readResultSet(rows *sql.Rows, f *Formatter, cc ControlChars, res *batchResult) {
	cts, err := rows.ColumnTypes()
	if err != nil {
		return
	}
	cols := columnsOf(cts)
	f.BeginResultSet(cols)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	strs := make([]string, len(cols))
	first := true
	res.hasFirst = false
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			break
		}
		for i := range vals {
			strs[i] = RenderValue(&cols[i], vals[i], cc)
		}
		if first && len(strs) > 0 {
			res.first, res.hasFirst = strs[0], true
			first = false
		}
		f.Row(strs)
	}
	f.EndResultSet()
}

func reportErr(ctx context.Context, err error, f *Formatter, res *batchResult) {
	var me mssql.Error
	if errors.As(err, &me) {
		f.Message(messageOf(me))
		if int(me.Class) > res.maxSeverity {
			res.maxSeverity = int(me.Class)
		}
		return
	}
	res.failed = true
	switch {
	case errors.Is(err, context.Canceled) || ctx.Err() == context.Canceled:
		res.cancelled = true
		f.ErrorText("Sqlcmd: Warning: The last operation was terminated because the user pressed CTRL+C.")
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded:
		// A query timeout is an error (it counts for -b), unlike Ctrl-C.
		res.timedOut = true
		f.ErrorText("Sqlcmd: Error: Microsoft " + ODBCDriver + " : Query timeout expired.")
	default:
		f.ErrorText("Sqlcmd: Error: Microsoft " + ODBCDriver + " : " + strings.TrimPrefix(err.Error(), "mssql: ") + ".")
	}
}
