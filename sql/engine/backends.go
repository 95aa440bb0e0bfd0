package engine

import (
	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/mem"
	"github.com/tsqld/tsqld/storage/pebble"
)

// The default backends: mem for in-memory servers and tempdb, pebble for
// a data directory.
func init() {
	NewMemStorage = func() (storage.Engine, error) { return mem.Open(), nil }
	NewDiskStorage = func(dir string) (storage.Engine, error) { return pebble.Open(dir, nil) }
}
