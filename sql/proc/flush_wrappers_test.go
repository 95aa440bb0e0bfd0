package proc

import (
	"testing"

	"github.com/tsqld/tsqld/sql/result"
)

type flushCounter struct {
	result.Collector
	n int
}

func (f *flushCounter) Flush() error { f.n++; return nil }

func TestWrappersForwardFlush(t *testing.T) {
	f := &flushCounter{}
	for _, w := range []result.Writer{discardReturns{f}, &captureReturns{Writer: f}} {
		if err := result.Flush(w); err != nil {
			t.Fatal(err)
		}
	}
	if f.n != 2 {
		t.Fatalf("%d flushes reached the client writer, want 2", f.n)
	}
}
