package server

import (
	"fmt"
	"math/big"

	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// rpcFromCall converts a decoded RPC call into the engine's form, reusing
// rpc's parameter slice.
func (c *conn) rpcFromCall(rpc *engine.RPC, call *tds.RPCCall) *msgs.Error {
	rpc.ProcID = call.ProcID
	rpc.ProcName = call.ProcName
	rpc.Params = rpc.Params[:0]
	for i := range call.Params {
		p := &call.Params[i]
		if p.TVP != nil {
			tv, err := tableValue(p.TVP)
			if err != nil {
				return rpcParamError(i+1, p.Name, err)
			}
			rpc.Params = append(rpc.Params, engine.Param{Name: p.Name, Output: p.Output(), TVP: tv})
			continue
		}
		t, err := typeFromInfo(&p.TypeInfo)
		if err != nil {
			return rpcParamError(i+1, p.Name, err)
		}
		ep := engine.Param{Name: p.Name, Type: t, Output: p.Output()}
		if !p.Null {
			if ep.Value, err = valueFromWire(&p.TypeInfo, t, p.Value); err != nil {
				return rpcParamError(i+1, p.Name, err)
			}
		}
		rpc.Params = append(rpc.Params, ep)
	}
	return nil
}

// rpcParamError is SQL Server's 8016-family answer to a parameter it
// cannot read.
func rpcParamError(ordinal int, name string, err error) *msgs.Error {
	return &msgs.Error{Number: 8016, Severity: 16, State: 2, Line: 1,
		Text: fmt.Sprintf("The incoming tabular data stream (TDS) remote procedure call (RPC) protocol stream is incorrect. Parameter %d (\"%s\"): %v.", ordinal, name, err)}
}

// typeFromInfo maps a parameter's TYPE_INFO to the engine type.
func typeFromInfo(ti *tds.TypeInfo) (types.Type, error) {
	col := func() types.Collation {
		c := ti.Collation
		if c.IsZero() {
			return types.Collation{} // "the database default"
		}
		return types.Collation{LCID: c.LCID(), Flags: uint8(c.Info >> 20), Version: uint8(c.Info >> 28), SortID: c.SortID}
	}
	charLen := func(unit int) int32 {
		if ti.Size == tds.MaxLen {
			return types.MaxLength
		}
		return int32(ti.Size / unit)
	}
	switch ti.Type {
	case tds.TypeNull:
		return types.Type{ID: types.Unknown}, nil
	case tds.TypeInt1:
		return types.Type{ID: types.TinyInt}, nil
	case tds.TypeInt2:
		return types.Type{ID: types.SmallInt}, nil
	case tds.TypeInt4:
		return types.Type{ID: types.Int}, nil
	case tds.TypeInt8:
		return types.Type{ID: types.BigInt}, nil
	case tds.TypeIntN:
		switch ti.Size {
		case 1:
			return types.Type{ID: types.TinyInt}, nil
		case 2:
			return types.Type{ID: types.SmallInt}, nil
		case 4:
			return types.Type{ID: types.Int}, nil
		}
		return types.Type{ID: types.BigInt}, nil
	case tds.TypeBit, tds.TypeBitN:
		return types.Type{ID: types.Bit}, nil
	case tds.TypeFlt4:
		return types.Type{ID: types.Real}, nil
	case tds.TypeFlt8:
		return types.Type{ID: types.Float}, nil
	case tds.TypeFltN:
		if ti.Size == 4 {
			return types.Type{ID: types.Real}, nil
		}
		return types.Type{ID: types.Float}, nil
	case tds.TypeMoney4:
		return types.Type{ID: types.SmallMoney}, nil
	case tds.TypeMoney:
		return types.Type{ID: types.Money}, nil
	case tds.TypeMoneyN:
		if ti.Size == 4 {
			return types.Type{ID: types.SmallMoney}, nil
		}
		return types.Type{ID: types.Money}, nil
	case tds.TypeDateTim4:
		return types.Type{ID: types.SmallDateTime}, nil
	case tds.TypeDateTime:
		return types.Type{ID: types.DateTime}, nil
	case tds.TypeDateTimeN:
		if ti.Size == 4 {
			return types.Type{ID: types.SmallDateTime}, nil
		}
		return types.Type{ID: types.DateTime}, nil
	case tds.TypeDecimalN, tds.TypeDecimal:
		return types.Type{ID: types.Decimal, Precision: ti.Precision, Scale: ti.Scale}, nil
	case tds.TypeNumericN, tds.TypeNumeric:
		return types.Type{ID: types.Numeric, Precision: ti.Precision, Scale: ti.Scale}, nil
	case tds.TypeGUID:
		return types.Type{ID: types.UniqueIdentifier}, nil
	case tds.TypeDateN:
		return types.Type{ID: types.Date}, nil
	case tds.TypeTimeN:
		return types.Type{ID: types.Time, Scale: ti.Scale}, nil
	case tds.TypeDateTime2N:
		return types.Type{ID: types.DateTime2, Scale: ti.Scale}, nil
	case tds.TypeDateTimeOffsetN:
		return types.Type{ID: types.DateTimeOffset, Scale: ti.Scale}, nil
	case tds.TypeBigVarChar, tds.TypeVarChar:
		return types.Type{ID: types.VarChar, Length: charLen(1), Collation: col()}, nil
	case tds.TypeBigChar, tds.TypeChar:
		return types.Type{ID: types.Char, Length: charLen(1), Collation: col()}, nil
	case tds.TypeNVarChar:
		return types.Type{ID: types.NVarChar, Length: charLen(2), Collation: col()}, nil
	case tds.TypeNChar:
		return types.Type{ID: types.NChar, Length: charLen(2), Collation: col()}, nil
	case tds.TypeBigVarBinary, tds.TypeVarBinary:
		return types.Type{ID: types.VarBinary, Length: charLen(1)}, nil
	case tds.TypeBigBinary, tds.TypeBinary:
		return types.Type{ID: types.Binary, Length: charLen(1)}, nil
	case tds.TypeText:
		return types.Type{ID: types.Text, Length: types.MaxLength, Collation: col()}, nil
	case tds.TypeNText:
		return types.Type{ID: types.NText, Length: types.MaxLength, Collation: col()}, nil
	case tds.TypeImage:
		return types.Type{ID: types.Image, Length: types.MaxLength}, nil
	case tds.TypeXML:
		return types.Type{ID: types.XML, Length: types.MaxLength}, nil
	case tds.TypeVariant:
		return types.Type{ID: types.SQLVariant}, nil
	case tds.TypeUDT:
		return udtParamType(ti), nil // colmeta_udt.go
	}
	return types.Type{}, fmt.Errorf("data type 0x%02X is unknown", ti.Type)
}

// valueFromWire decodes a non-NULL raw parameter value. Byte values are
// copied: the request buffer is reused once the request ends.
func valueFromWire(ti *tds.TypeInfo, t types.Type, raw []byte) (types.Value, error) {
	var v types.Value
	var err error
	switch t.ID {
	case types.TinyInt, types.SmallInt, types.Int, types.BigInt:
		v.K = types.KindInt
		v.I, err = tds.DecodeInt(raw)
		if t.ID == types.TinyInt {
			v.I &= 0xFF // tinyint is unsigned on the wire
		}
	case types.Bit:
		var b bool
		b, err = tds.DecodeBit(raw)
		v.K = types.KindBool
		if b {
			v.I = 1
		}
	case types.Real, types.Float:
		v.K = types.KindFloat
		v.F, err = tds.DecodeFloat(raw)
	case types.Money, types.SmallMoney:
		v.K = types.KindMoney
		v.I, err = tds.DecodeMoney(raw)
	case types.DateTime, types.SmallDateTime:
		v.K = types.KindDateTime
		v.I, err = tds.DecodeDateTime(raw)
	case types.Date:
		v.K = types.KindDateTime
		v.I, err = tds.DecodeDate(raw)
	case types.Time:
		v.K = types.KindDateTime
		v.I, err = tds.DecodeTime(raw, t.Scale)
	case types.DateTime2:
		v.K = types.KindDateTime
		v.I, err = tds.DecodeDateTime2(raw, t.Scale)
	case types.DateTimeOffset:
		v.K = types.KindDateTime
		v.I, v.Off, err = tds.DecodeDateTimeOffset(raw, t.Scale)
	case types.Decimal, types.Numeric:
		var neg bool
		var lo, hi uint64
		neg, lo, hi, err = tds.DecodeDecimal(raw)
		v.K = types.KindDecimal
		if hi == 0 {
			v.Dec.Coeff.SetUint64(lo)
		} else {
			m := new(big.Int).SetUint64(hi)
			m.Lsh(m, 64).Or(m, new(big.Int).SetUint64(lo))
			v.Dec.Coeff.SetMathBigInt(m)
		}
		v.Dec.Exponent = -int32(t.Scale)
		v.Dec.Negative = neg && v.Dec.Coeff.Sign() != 0
	case types.UniqueIdentifier:
		if len(raw) != 16 {
			return v, fmt.Errorf("uniqueidentifier of %d bytes", len(raw))
		}
		v.K = types.KindGUID
		v.B = append([]byte(nil), raw...)
	case types.VarChar, types.Char, types.Text:
		v.K = types.KindString
		v.S = tds.DecodeVarChar(raw, ti.Collation)
	case types.NVarChar, types.NChar, types.NText, types.XML:
		if len(raw)%2 != 0 {
			return v, fmt.Errorf("odd byte length %d for Unicode data", len(raw))
		}
		v.K = types.KindString
		v.S = tds.DecodeUTF16(raw)
	case types.VarBinary, types.Binary, types.Image:
		v.K = types.KindBytes
		v.B = append([]byte{}, raw...)
	case types.HierarchyID, types.Geometry, types.Geography:
		if verr := types.ValidateUDT(t.ID, raw); verr != nil {
			return v, fmt.Errorf("%s", verr.Text)
		}
		v.K = types.KindBytes
		v.B = append([]byte{}, raw...)
	case types.SQLVariant:
		var vr tds.Variant
		if err = vr.Decode(raw); err != nil {
			return v, err
		}
		bt, terr := typeFromInfo(&vr.Base)
		if terr != nil {
			return v, terr
		}
		bv, verr := valueFromWire(&vr.Base, bt, vr.Value)
		if verr != nil {
			return v, verr
		}
		v.K = types.KindVariant
		v.Var = &types.VariantValue{Type: bt, Value: bv}
	case types.Unknown:
		// NULLTYPE has no value bytes: it is always NULL.
	default:
		return v, fmt.Errorf("data type %d cannot be a parameter", t.ID)
	}
	return v, err
}
