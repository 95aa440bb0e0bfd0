// Package kvtree is the ordered in-memory key/value tree shared by the
// transaction write buffer (package storage) and the mem backend: a
// copy-on-write B-tree (github.com/tidwall/btree, whose Copy is O(1)) plus a
// bounded iterator that walks it in either direction.
//
// It imports nothing of ours.
package kvtree

import (
	"bytes"

	"github.com/tidwall/btree"
)

// Item is one entry: a key, its value, and whether it is a deletion
// (tombstone) — only the write buffer stores tombstones.
type Item struct {
	Key    []byte
	Value  []byte
	Delete bool
}

// Tree is an ordered set of Items keyed by Key. Trees are built without the
// B-tree's internal locks: the write buffer belongs to one goroutine and the
// mem backend publishes immutable versions (readers never see a tree that is
// still being modified).
type Tree = btree.BTreeG[Item]

func less(a, b Item) bool { return bytes.Compare(a.Key, b.Key) < 0 }

// New returns an empty tree.
func New() *Tree {
	return btree.NewBTreeGOptions(less, btree.Options{NoLocks: true})
}

// NewDegree returns an empty tree with the given node degree (nodes hold up
// to 2*degree-1 items). Smaller nodes make copy-on-write updates cheaper.
func NewDegree(degree int) *Tree {
	return btree.NewBTreeGOptions(less, btree.Options{NoLocks: true, Degree: degree})
}

// Iter walks the items of a tree with keys in [lower, upper) (nil bound =
// unbounded), ascending or descending. The tree must not change while the
// iterator is in use (iterate a Copy of a tree that is still written).
type Iter struct {
	it      btree.IterG[Item]
	lower   []byte
	upper   []byte
	reverse bool
	started bool
	done    bool
	item    Item
}

// Init positions it before the first item of the range.
func (it *Iter) Init(tr *Tree, lower, upper []byte, reverse bool) {
	it.it = tr.Iter()
	it.lower, it.upper, it.reverse = lower, upper, reverse
	it.started, it.done = false, false
	it.item = Item{}
}

// Next advances to the next item in range and reports whether there is one.
func (it *Iter) Next() bool {
	if it.done {
		return false
	}
	var ok bool
	if !it.started {
		it.started = true
		ok = it.first()
	} else if it.reverse {
		ok = it.it.Prev()
	} else {
		ok = it.it.Next()
	}
	if ok {
		it.item = it.it.Item()
		if it.reverse {
			ok = it.lower == nil || bytes.Compare(it.item.Key, it.lower) >= 0
		} else {
			ok = it.upper == nil || bytes.Compare(it.item.Key, it.upper) < 0
		}
	}
	if !ok {
		it.done = true
		it.item = Item{}
	}
	return ok
}

func (it *Iter) first() bool {
	if !it.reverse {
		if it.lower == nil {
			return it.it.First()
		}
		return it.it.Seek(Item{Key: it.lower})
	}
	if it.upper == nil {
		return it.it.Last()
	}
	if !it.it.Seek(Item{Key: it.upper}) {
		// Every key is below upper.
		return it.it.Last()
	}
	// Seek stopped at the first key >= upper; the one before is the start.
	return it.it.Prev()
}

// Item returns the current item; valid after Next returned true.
func (it *Iter) Item() Item { return it.item }

// Close releases the iterator.
func (it *Iter) Close() {
	it.it.Release()
	it.done = true
}
