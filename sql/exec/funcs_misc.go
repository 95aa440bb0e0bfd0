package exec

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"hash"
	"hash/fnv"
	"io"
	"math"
	"strings"
	"sync"
	"unicode/utf16"

	"golang.org/x/crypto/md4"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Logical, math and system built-ins not evaluated in funcs.go's switch.

func init() {
	registerEval(evalGreatest, "GREATEST", "LEAST")
	registerEval(evalTrig2, "COT", "ATN2")
	registerEval(evalIsNumeric, "ISNUMERIC")
	registerEval(evalChecksum, "CHECKSUM", "BINARY_CHECKSUM")
	registerEval(evalHashBytes, "HASHBYTES")
	registerEval(evalCompress, "COMPRESS", "DECOMPRESS")
	registerEval(evalNewSequentialID, "NEWSEQUENTIALID")
}

// seqGUID is the last NEWSEQUENTIALID value: a random start, then +1 in
// uniqueidentifier sort order (bytes 0..3 are the least significant
// group), so each value sorts after the previous one until restart.
var seqGUID struct {
	sync.Mutex
	g    [16]byte
	init bool
}

func evalNewSequentialID(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	seqGUID.Lock()
	defer seqGUID.Unlock()
	if !seqGUID.init {
		copy(seqGUID.g[:], types.NewGUIDRandom().B)
		seqGUID.init = true
	}
	g := &seqGUID.g
	// Increment bytes 3,2,1,0 then 5,4 as one counter.
	for _, i := range []int{3, 2, 1, 0, 5, 4} {
		g[i]++
		if g[i] != 0 {
			break
		}
	}
	return types.Value{K: types.KindGUID, B: append([]byte(nil), g[:]...)}, nil
}

func evalGreatest(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	coll := types.CollationOf(x.T)
	best := types.Null
	for _, a := range args {
		if a.K == types.KindNull {
			continue
		}
		if best.K == types.KindNull {
			best = a
			continue
		}
		r := types.Compare(a, best, coll)
		if x.Name == "GREATEST" && r > 0 || x.Name == "LEAST" && r < 0 {
			best = a
		}
	}
	return best, nil
}

func evalTrig2(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	var r float64
	if x.Name == "COT" {
		r = 1 / math.Tan(args[0].F)
	} else {
		r = math.Atan2(args[0].F, args[1].F)
	}
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return types.Null, fnErr(3623, "An invalid floating point operation occurred.")
	}
	return floatVal(r), nil
}

func evalIsNumeric(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	v := args[0]
	switch v.K {
	case types.KindNull, types.KindDateTime, types.KindBytes, types.KindGUID:
		return intVal(0), nil
	case types.KindString:
		if types.IsNumeric(v.S) {
			return intVal(1), nil
		}
		return intVal(0), nil
	case types.KindVariant:
		if v.Var != nil && sem.IsNumeric(v.Var.Type) {
			return intVal(1), nil
		}
		return intVal(0), nil
	}
	return intVal(1), nil
}

// valueBytes is the storage image of v as HASHBYTES and BINARY_CHECKSUM
// see it: varchar in code page 1252, nvarchar in UTF-16LE, binary as is,
// numbers little-endian.
func valueBytes(v types.Value, t types.Type) []byte {
	switch v.K {
	case types.KindString:
		if sem.IsUnicode(t) {
			u := utf16.Encode([]rune(v.S))
			b := make([]byte, 2*len(u))
			for i, r := range u {
				binary.LittleEndian.PutUint16(b[2*i:], r)
			}
			return b
		}
		return collation.EncodeCP1252(nil, v.S)
	case types.KindBytes, types.KindGUID:
		return v.B
	case types.KindInt, types.KindBool, types.KindMoney, types.KindDateTime:
		return binary.LittleEndian.AppendUint64(nil, uint64(v.I))
	case types.KindFloat:
		return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v.F))
	case types.KindDecimal:
		return []byte(v.Dec.String())
	}
	return nil
}

// evalChecksum hashes the arguments into an int. The values are stable
// and equal for values equal under the collation (CHECKSUM) or for equal
// bytes (BINARY_CHECKSUM), which is what CHECKSUM is used for; they are
// not SQL Server's numbers, whose algorithm is undocumented.
func evalChecksum(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	h := fnv.New32a()
	var key []byte
	for i, a := range args {
		t := x.Args[i].Type()
		if a.K == types.KindNull {
			h.Write([]byte{0xff})
			continue
		}
		if a.K == types.KindString && x.Name == "CHECKSUM" {
			key = types.CollationOf(t).SortKey(key[:0], strings.TrimRight(a.S, " "))
			h.Write(key)
		} else if a.K == types.KindString {
			h.Write(valueBytes(types.Value{K: types.KindString, S: strings.TrimRight(a.S, " ")}, t))
		} else {
			h.Write(valueBytes(a, t))
		}
		h.Write([]byte{0})
	}
	return intVal(int64(int32(h.Sum32()))), nil
}

func evalHashBytes(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	var h hash.Hash
	switch strings.ToUpper(strings.TrimRight(args[0].S, " ")) {
	case "MD2":
		h = newMD2()
	case "MD4":
		h = md4.New()
	case "MD5":
		h = md5.New()
	case "SHA", "SHA1":
		h = sha1.New()
	case "SHA2_256":
		h = sha256.New()
	case "SHA2_512":
		h = sha512.New()
	default:
		return types.Null, nil
	}
	h.Write(valueBytes(args[1], x.Args[1].Type()))
	return types.Value{K: types.KindBytes, B: h.Sum(nil)}, nil
}

func evalCompress(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	in := valueBytes(args[0], x.Args[0].Type())
	if x.Name == "COMPRESS" {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write(in)
		w.Close()
		return types.Value{K: types.KindBytes, B: b.Bytes()}, nil
	}
	r, err := gzip.NewReader(bytes.NewReader(in))
	if err != nil {
		return types.Null, nil
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return types.Null, nil
	}
	return types.Value{K: types.KindBytes, B: out}, nil
}
