package proc

import (
	"crypto/rand"
	mrand "math/rand/v2"

	"github.com/tsqld/tsqld/sql/types"
)

func newGUID() types.Value {
	b := make([]byte, 16)
	rand.Read(b)
	b[7] = b[7]&0x0f | 0x40 // version 4 (SQL Server byte order: bytes 6-7 swapped)
	b[8] = b[8]&0x3f | 0x80
	return types.Value{K: types.KindGUID, B: b}
}

func randFloat() float64 { return mrand.Float64() }
