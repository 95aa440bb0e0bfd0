package parser

import "testing"

func TestSplitBatches(t *testing.T) {
	script := "\ufeffSELECT 1\nGO\n\n  go  \nPRINT 'a'\nSELECT 2\nGO 3\nGOTO x\nGOx\nselect 'go'\n"
	got := SplitBatches(script)
	want := []ScriptBatch{
		{Text: "SELECT 1\n", Line: 1, Count: 1},
		{Text: "PRINT 'a'\nSELECT 2\n", Line: 5, Count: 3},
		{Text: "GOTO x\nGOx\nselect 'go'\n", Line: 8, Count: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d batches: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("batch %d: got %+v want %+v", i, got[i], want[i])
		}
	}
}
