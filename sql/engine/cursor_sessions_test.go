package engine

import "testing"

// A KEYSET cursor re-reads each row by key at FETCH: a change another
// session committed after OPEN is seen, a row it deleted gives
// @@FETCH_STATUS -2, and a row it inserted is not in the keyset. A
// DYNAMIC cursor sees the other session's insert ahead of it.
func TestCursorSeesOtherSession(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		a := sessionAs(t, e, 71)
		b := sessionAs(t, e, 72)

		out(t, a, "CREATE TABLE cs (id int PRIMARY KEY, v varchar(10)) INSERT cs VALUES (1, 'one'), (2, 'two'), (3, 'three')")
		got := out(t, a, "DECLARE k CURSOR KEYSET FOR SELECT id, v FROM cs ORDER BY id OPEN k SELECT @@CURSOR_ROWS AS cr FETCH NEXT FROM k")
		wantContains(t, "keyset open", got, "cr int not null\n3\n", "1 | one\n")

		out(t, b, "UPDATE cs SET v = 'two-b' WHERE id = 2 DELETE cs WHERE id = 3 INSERT cs VALUES (4, 'four')")

		got = out(t, a, "FETCH NEXT FROM k SELECT @@FETCH_STATUS AS fs")
		wantContains(t, "committed update seen", got, "2 | two-b\n", "fs int not null\n0\n")
		got = out(t, a, "FETCH NEXT FROM k SELECT @@FETCH_STATUS AS fs")
		wantContains(t, "committed delete", got, "fs int not null\n-2\n")
		got = out(t, a, "FETCH NEXT FROM k SELECT @@FETCH_STATUS AS fs")
		wantContains(t, "insert not in keyset", got, "fs int not null\n-1\n")
		if got := out(t, a, "FETCH FIRST FROM k CLOSE k DEALLOCATE k"); !contains(got, "1 | one\n") {
			t.Fatalf("keyset FETCH FIRST: %s", got)
		}

		got = out(t, a, "DECLARE d CURSOR DYNAMIC FOR SELECT id, v FROM cs ORDER BY id OPEN d SELECT @@CURSOR_ROWS AS cr FETCH NEXT FROM d")
		wantContains(t, "dynamic open", got, "cr int not null\n-1\n", "1 | one\n")
		out(t, b, "INSERT cs VALUES (3, 'three-b') DELETE cs WHERE id = 2")
		got = out(t, a, "FETCH NEXT FROM d FETCH NEXT FROM d FETCH NEXT FROM d SELECT @@FETCH_STATUS AS fs CLOSE d DEALLOCATE d")
		wantContains(t, "dynamic sees the other session", got, "3 | three-b\n", "4 | four\n", "fs int not null\n-1\n")
		if contains(got, "two") {
			t.Fatalf("dynamic cursor returned a row deleted by the other session: %s", got)
		}
	})
}
