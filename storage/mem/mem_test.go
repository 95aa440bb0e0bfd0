package mem_test

import (
	"testing"

	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/mem"
	"github.com/tsqld/tsqld/storage/storagetest"
)

func open(testing.TB) storage.Engine { return mem.Open() }

func TestConformance(t *testing.T) { storagetest.Run(t, open) }

func BenchmarkStorage(b *testing.B) { storagetest.Bench(b, open) }
