package tds

// RETURNVALUE status values.
const (
	ReturnValueOutput uint8 = 0x01 // output parameter
	ReturnValueUDF    uint8 = 0x02 // user-defined function return value
)

// AppendReturnValueHeader appends RETURNVALUE (0xAC) up to the value; the
// caller appends the value with an Append* value function. name includes
// the leading '@' (go-mssqldb matches name[1:]).
func AppendReturnValueHeader(dst []byte, v Version, ordinal uint16, name string, status uint8, userType uint32, flags uint16, ti *TypeInfo) []byte {
	dst = append(dst, TokenReturnValue)
	dst = appendU16(dst, ordinal)
	dst = AppendBVarChar(dst, name)
	dst = append(dst, status)
	if v.Is72() {
		dst = appendU32(dst, userType)
	} else {
		dst = appendU16(dst, uint16(userType))
	}
	dst = appendU16(dst, flags)
	return ti.Encode(dst)
}

// ReturnValue is the RETURNVALUE token.
type ReturnValue struct {
	Ordinal  uint16
	Name     string
	Status   uint8
	UserType uint32
	Flags    uint16
	TypeInfo TypeInfo
	Value    []byte // raw value (see ReadValue)
	Null     bool
}

// Encode appends the token, framing Value for TypeInfo.
func (r *ReturnValue) Encode(dst []byte, v Version) []byte {
	dst = AppendReturnValueHeader(dst, v, r.Ordinal, r.Name, r.Status, r.UserType, r.Flags, &r.TypeInfo)
	return AppendRawValue(dst, &r.TypeInfo, r.Value, r.Null, false)
}

// Decode reads the token at src[0] and returns the bytes consumed.
func (r *ReturnValue) Decode(src []byte, v Version) (int, error) {
	if _, err := tokenHeader(src, TokenReturnValue); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	r.Ordinal = c.u16()
	r.Name = c.bVarChar()
	r.Status = c.u8()
	if v.Is72() {
		r.UserType = c.u32()
	} else {
		r.UserType = uint32(c.u16())
	}
	r.Flags = c.u16()
	r.TypeInfo.decode(&c)
	if c.err != nil {
		return 0, c.err
	}
	val, null, _ := readValue(&c, &r.TypeInfo, false, nil)
	if c.err != nil {
		return 0, c.err
	}
	r.Value, r.Null = val, null
	return c.off, nil
}
