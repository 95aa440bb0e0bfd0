package engine

import (
	"context"
	"testing"
	"time"
)

// sys.dm_tran_locks shows a writer's KEY and OBJECT locks to another
// session, and a blocked writer's request as WAIT until the holder ends.
func TestTranLocksView(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		a := sessionAs(t, e, 71)
		b := sessionAs(t, e, 72)
		c := sessionAs(t, e, 73)
		out(t, a, "CREATE TABLE lk (id int PRIMARY KEY, v int) INSERT lk VALUES (1, 0)")
		out(t, a, "BEGIN TRAN UPDATE lk SET v = 1 WHERE id = 1")
		q := "SELECT request_session_id AS spid, resource_type, request_mode, request_status FROM sys.dm_tran_locks WHERE resource_type IN ('KEY', 'OBJECT') ORDER BY spid, resource_type, request_status"
		got := out(t, c, q)
		wantContains(t, "holder's locks", got, "71 | KEY | X | GRANT\n", "71 | OBJECT | IX | GRANT\n")

		done := make(chan string, 1)
		go func() { done <- goldenString(run(t, b, "UPDATE lk SET v = 2 WHERE id = 1")) }()
		deadline := time.Now().Add(5 * time.Second)
		for {
			got = out(t, c, q)
			if contains(got, "72 | KEY | X | WAIT") || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		wantContains(t, "waiter", got, "72 | KEY | X | WAIT\n")
		out(t, a, "COMMIT")
		select {
		case r := <-done:
			wantContains(t, "waiter proceeds", r, "(1 rows affected)")
		case <-time.After(5 * time.Second):
			t.Fatal("blocked UPDATE did not proceed after COMMIT")
		}
		got = out(t, c, q)
		if contains(got, " KEY ") || contains(got, "| KEY |") {
			t.Fatalf("locks left after both transactions ended:\n%s", got)
		}
		_ = context.Background
	})
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// Two transactions that each wait for the other's row: one is chosen as
// the deadlock victim (Msg 1205, its transaction rolled back) and the
// other completes.
func TestDeadlockVictim(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		a := sessionAs(t, e, 81)
		b := sessionAs(t, e, 82)
		out(t, a, "CREATE TABLE dl (id int PRIMARY KEY, v int) INSERT dl VALUES (1, 0), (2, 0)")
		out(t, a, "BEGIN TRAN UPDATE dl SET v = 1 WHERE id = 1")
		out(t, b, "BEGIN TRAN UPDATE dl SET v = 2 WHERE id = 2")
		done := make(chan string, 1)
		go func() { done <- goldenString(run(t, a, "UPDATE dl SET v = 1 WHERE id = 2")) }()
		time.Sleep(50 * time.Millisecond) // let a block on row 2
		gotB := goldenString(run(t, b, "UPDATE dl SET v = 2 WHERE id = 1"))
		var gotA string
		select {
		case gotA = <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("no deadlock detected")
		}
		victim, winner := gotB, gotA
		if !contains(victim, "Msg 1205") {
			victim, winner = gotA, gotB
		}
		wantContains(t, "victim", victim, "Msg 1205, Level 13", "was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.")
		wantContains(t, "winner", winner, "(1 rows affected)")
		out(t, a, "IF @@TRANCOUNT > 0 COMMIT")
		out(t, b, "IF @@TRANCOUNT > 0 COMMIT")
		got := out(t, a, "SELECT id, v FROM dl ORDER BY id")
		if !(contains(got, "1 | 1\n2 | 1\n") || contains(got, "1 | 2\n2 | 2\n")) {
			t.Fatalf("after the deadlock one transaction's two updates must both stand:\n%s", got)
		}
	})
}
