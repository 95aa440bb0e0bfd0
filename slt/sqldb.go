package slt

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	mssql "github.com/microsoft/go-mssqldb" // registers the "sqlserver" driver
)

// SQLDB is a DB over one database/sql connection (go-mssqldb): one
// session, so USE and #temp tables persist between records.
type SQLDB struct {
	conn *sql.Conn
	// drop is the database to drop on Close ("" when not ours).
	drop string
}

// NewSQLDB wraps an existing connection; Close closes it.
func NewSQLDB(conn *sql.Conn) *SQLDB { return &SQLDB{conn: conn} }

// OpenSQL opens a go-mssqldb pool for dsn (sqlserver://… or ADO form).
func OpenSQL(dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlserver", dsn)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// FreshDatabases returns an OpenFunc that, for each file, takes a
// connection from pool, creates an empty database named
// <prefix>_<pid>_<seq>, and USEs it; Close drops it again. This is the
// spec's "fresh database per file".
func FreshDatabases(pool *sql.DB, prefix string) OpenFunc {
	if prefix == "" {
		prefix = "slt"
	}
	pid := os.Getpid()
	return func(ctx context.Context, file string, seq int) (DB, error) {
		conn, err := pool.Conn(ctx)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("%s_%d_%d", prefix, pid, seq)
		q := quoteName(name)
		if _, err := conn.ExecContext(ctx, "IF DB_ID(N'"+strings.ReplaceAll(name, "'", "''")+"') IS NOT NULL DROP DATABASE "+q); err != nil {
			conn.Close()
			return nil, err
		}
		if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+q); err != nil {
			conn.Close()
			return nil, err
		}
		if _, err := conn.ExecContext(ctx, "USE "+q); err != nil {
			conn.ExecContext(ctx, "DROP DATABASE "+q)
			conn.Close()
			return nil, err
		}
		return &SQLDB{conn: conn, drop: name}, nil
	}
}

func quoteName(s string) string { return "[" + strings.ReplaceAll(s, "]", "]]") + "]" }

// Exec runs one batch.
func (d *SQLDB) Exec(ctx context.Context, q string) error {
	_, err := d.conn.ExecContext(ctx, q)
	return err
}

// Query runs one batch and reads its first result set.
func (d *SQLDB) Query(ctx context.Context, q string) (*Rows, error) {
	rows, err := d.conn.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	out := &Rows{Columns: len(cols)}
	dest := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range dest {
		ptrs[i] = &dest[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]Value, len(cols))
		for i, v := range dest {
			row[i] = fromDriver(v, cols[i].DatabaseTypeName())
		}
		out.Values = append(out.Values, row)
	}
	// Errors raised after the first rows (e.g. divide by zero in a later
	// row) surface here.
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Close drops the per-file database and releases the connection.
func (d *SQLDB) Close() error {
	var err error
	if d.drop != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		// A file may leave a transaction open; DROP DATABASE cannot run
		// inside one.
		d.conn.ExecContext(ctx, "IF @@TRANCOUNT > 0 ROLLBACK")
		if _, e := d.conn.ExecContext(ctx, "USE master"); e != nil {
			err = e
		} else if _, e := d.conn.ExecContext(ctx, "DROP DATABASE "+quoteName(d.drop)); e != nil {
			err = e
		}
	}
	if e := d.conn.Close(); err == nil {
		err = e
	}
	return err
}

// fromDriver maps go-mssqldb's scan results onto Values. Exact numerics
// arrive as []byte text; uniqueidentifier as 16 raw bytes.
func fromDriver(v any, dbType string) Value {
	switch x := v.(type) {
	case nil:
		return Value{}
	case int64:
		return IntValue(x)
	case int32:
		return IntValue(int64(x))
	case float64:
		return FloatValue(x)
	case float32:
		return FloatValue(float64(x))
	case bool:
		if x {
			return Value{Kind: Bool, I: 1}
		}
		return Value{Kind: Bool}
	case string:
		return TextValue(x)
	case time.Time:
		return TextValue(formatTime(x, dbType))
	case []byte:
		switch dbType {
		case "DECIMAL", "NUMERIC", "MONEY", "SMALLMONEY":
			return DecimalValue(string(x))
		case "UNIQUEIDENTIFIER":
			var u mssql.UniqueIdentifier
			if err := u.Scan(x); err == nil {
				return TextValue(u.String())
			}
		}
		return Value{Kind: Bytes, B: append([]byte(nil), x...)}
	}
	return TextValue(fmt.Sprint(v))
}

func formatTime(t time.Time, dbType string) string {
	switch dbType {
	case "DATE":
		return t.Format("2006-01-02")
	case "TIME":
		return t.Format("15:04:05.0000000")
	case "DATETIME", "SMALLDATETIME":
		return t.Format("2006-01-02 15:04:05.000")
	case "DATETIMEOFFSET":
		return t.Format("2006-01-02 15:04:05.0000000 -07:00")
	}
	return t.Format("2006-01-02 15:04:05.0000000")
}
