package embed

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/golang-sql/sqlexp"
	mssql "github.com/microsoft/go-mssqldb"
)

// noticeAfter runs batch and returns how long the first notice containing
// want took to reach go-mssqldb.
func noticeAfter(t *testing.T, s *Server, batch, want string) time.Duration {
	t.Helper()
	db := open(t, s.DSN())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	retmsg := &sqlexp.ReturnMessage{}
	begin := time.Now()
	rows, err := db.QueryContext(ctx, batch, retmsg)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for more := true; more; {
		switch m := retmsg.Message(ctx).(type) {
		case sqlexp.MsgNotice:
			if e, ok := m.Message.(mssql.Error); ok && strings.Contains(e.Message, want) {
				return time.Since(begin)
			}
		case sqlexp.MsgError:
			if strings.Contains(m.Error.Error(), want) {
				return time.Since(begin)
			}
			t.Fatal(m.Error)
		case sqlexp.MsgNextResultSet:
			more = rows.NextResultSet()
		case sqlexp.MsgNext:
			for rows.Next() {
			}
		}
		if ctx.Err() != nil {
			t.Fatal(ctx.Err())
		}
	}
	t.Fatalf("no notice %q", want)
	return 0
}

// RAISERROR … WITH NOWAIT reaches the client while the batch still runs;
// without NOWAIT the message waits for the end of the batch (or a full
// buffer), as in SQL Server.
func TestRaiserrorNowaitE2E(t *testing.T) {
	s := start(t, Config{})
	const delay = 1500 * time.Millisecond
	batch := "PRINT 'before'\nRAISERROR('early %d', 0, 1, 7)%s\nWAITFOR DELAY '00:00:01.500'\nSELECT 1 AS x"
	if d := noticeAfter(t, s, strings.Replace(batch, "%s", " WITH NOWAIT", 1), "early 7"); d >= delay {
		t.Errorf("NOWAIT message arrived after %v", d)
	}
	if d := noticeAfter(t, s, strings.Replace(batch, "%s", "", 1), "early 7"); d < delay {
		t.Errorf("message without NOWAIT arrived after %v, before the batch ended", d)
	}
	// An error (severity 16) WITH NOWAIT is flushed too.
	sev16 := strings.Replace(strings.Replace(batch, "%s", " WITH NOWAIT", 1), "0, 1, 7", "16, 1, 7", 1)
	if d := noticeAfter(t, s, sev16, "early 7"); d >= delay {
		t.Errorf("NOWAIT error arrived after %v", d)
	}
}

// NOWAIT inside a procedure called through nested sp_executesql still
// reaches the client at once (the wrapping writers forward the flush).
func TestRaiserrorNowaitNestedE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	if _, err := db.Exec("CREATE PROCEDURE dbo.slow AS BEGIN RAISERROR('inner %d', 0, 1, 9) WITH NOWAIT; WAITFOR DELAY '00:00:01.500' END"); err != nil {
		t.Fatal(err)
	}
	const delay = 1500 * time.Millisecond
	if d := noticeAfter(t, s, "EXEC sp_executesql N'EXEC dbo.slow'\nSELECT 1 AS x", "inner 9"); d >= delay {
		t.Errorf("NOWAIT message from a nested procedure arrived after %v", d)
	}
}
