package pebble

import (
	"errors"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/tsqld/tsqld/storage"
)

// Options tune the pebble backend; the zero value is a good default.
type Options struct {
	// CacheSize is the block cache size in bytes (default 64 MiB).
	CacheSize int64
	// MemTableSize is the size of one memtable in bytes (default 32 MiB):
	// larger memtables mean fewer flushes and L0 files under write load.
	MemTableSize uint64
	// NoSync commits without waiting for the WAL fsync: for tests and bulk
	// loads that accept losing the last commits on a crash (a clean Close
	// still keeps everything).
	NoSync bool
	// InMemoryFS keeps the files in memory (tests); nothing survives Close.
	InMemoryFS bool
}

// Open opens (creating if needed) the pebble store in dir.
func Open(dir string, opts *Options) (*storage.DB, error) {
	st, err := openStore(dir, opts)
	if err != nil {
		return nil, err
	}
	return storage.NewDB(st), nil
}

func openStore(dir string, opts *Options) (*store, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.CacheSize <= 0 {
		o.CacheSize = 64 << 20
	}
	if o.MemTableSize == 0 {
		o.MemTableSize = 32 << 20
	}
	cache := pebble.NewCache(o.CacheSize)
	po := &pebble.Options{
		Cache:                       cache,
		MemTableSize:                o.MemTableSize,
		MemTableStopWritesThreshold: 4,
		L0CompactionThreshold:       2,
		L0StopWritesThreshold:       1000,
		LBaseMaxBytes:               64 << 20,
		FormatMajorVersion:          pebble.FormatNewest,
		Logger:                      quietLogger{},
	}
	if o.InMemoryFS {
		po.FS = vfs.NewMem()
	}
	db, err := pebble.Open(dir, po)
	// pebble holds its own reference while open.
	cache.Unref()
	if err != nil {
		return nil, err
	}
	wo := pebble.Sync
	if o.NoSync {
		wo = pebble.NoSync
	}
	return &store{db: db, wo: wo}, nil
}

// store is the pebble storage.Base.
type store struct {
	db    *pebble.DB
	wo    *pebble.WriteOptions
	snaps snapCache
}

func (s *store) Get(key []byte) ([]byte, bool, error) {
	return get(s.db.Get(key))
}

// get copies a pebble value out (pebble's buffer is only valid until the
// closer is closed).
func get(v []byte, closer interface{ Close() error }, err error) ([]byte, bool, error) {
	if err != nil {
		if errors.Is(err, pebble.ErrNotFound) {
			return nil, false, nil
		}
		return nil, false, err
	}
	out := append(make([]byte, 0, len(v)), v...)
	return out, true, closer.Close()
}

func (s *store) Snapshot() (storage.Reader, error) {
	// The shared snapshot is the Reader itself (one reference per caller,
	// dropped by its Close): no allocation per transaction.
	return s.snaps.acquire(s.db), nil
}

// Apply commits writes as one batch. Concurrent Apply calls with Sync are
// grouped by pebble's commit pipeline into shared WAL syncs.
func (s *store) Apply(writes []storage.Write) error {
	size := 0
	for i := range writes {
		size += len(writes[i].Key) + len(writes[i].Value) + 8
	}
	b := s.db.NewBatchWithSize(size + 16)
	for i := range writes {
		w := &writes[i]
		var err error
		if w.Delete {
			err = b.Delete(w.Key, nil)
		} else {
			err = b.Set(w.Key, w.Value, nil)
		}
		if err != nil {
			b.Close()
			return err
		}
	}
	err := b.Commit(s.wo)
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if ierr := s.snaps.invalidate(); err == nil {
		err = ierr
	}
	return err
}

func (s *store) Close() error {
	if err := s.snaps.invalidate(); err != nil {
		return err
	}
	return s.db.Close()
}

func (r *sharedSnap) Get(key []byte) ([]byte, bool, error) { return get(r.snap.Get(key)) }

func (r *sharedSnap) Scan(lower, upper []byte, reverse bool) storage.Iterator {
	it, err := r.snap.NewIter(&pebble.IterOptions{LowerBound: lower, UpperBound: upper})
	if err != nil {
		return &iter{err: err}
	}
	return &iter{it: it, reverse: reverse}
}

// Close drops the caller's reference; each acquire is closed exactly once
// (the transaction forgets its Reader when it closes it).
func (r *sharedSnap) Close() error { return r.cache.release(r) }

// iter adapts a pebble iterator to storage.Iterator.
type iter struct {
	it      *pebble.Iterator
	reverse bool
	started bool
	val     []byte
	err     error
}

func (i *iter) Next() bool {
	if i.it == nil || i.err != nil {
		return false
	}
	var ok bool
	switch {
	case !i.started:
		i.started = true
		if i.reverse {
			ok = i.it.Last()
		} else {
			ok = i.it.First()
		}
	case i.reverse:
		ok = i.it.Prev()
	default:
		ok = i.it.Next()
	}
	if !ok {
		i.val = nil
		return false
	}
	i.val, i.err = i.it.ValueAndErr()
	return i.err == nil
}

func (i *iter) Key() []byte   { return i.it.Key() }
func (i *iter) Value() []byte { return i.val }

func (i *iter) Err() error {
	if i.err != nil {
		return i.err
	}
	if i.it != nil {
		return i.it.Error()
	}
	return nil
}

func (i *iter) Close() error {
	if i.it == nil {
		return nil
	}
	err := i.it.Close()
	i.it = nil
	return err
}

// quietLogger drops pebble's informational chatter (flushes, compactions)
// but keeps background errors visible.
type quietLogger struct{}

func (quietLogger) Infof(string, ...interface{}) {}
func (quietLogger) Errorf(format string, args ...interface{}) {
	pebble.DefaultLogger.Errorf(format, args...)
}
func (quietLogger) Fatalf(format string, args ...interface{}) {
	pebble.DefaultLogger.Fatalf(format, args...)
}
