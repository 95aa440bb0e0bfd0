package tds

// AppendFeatureExtAck appends FEATUREEXTACK (0xAE): the features the server
// acknowledges, then the 0xFF terminator. Ack only what the client sent and
// the server implements (e.g. UTF8_SUPPORT with data 0x01).
func AppendFeatureExtAck(dst []byte, features []Feature) []byte {
	dst = append(dst, TokenFeatureExtAck)
	for _, f := range features {
		dst = append(dst, f.ID)
		dst = appendU32(dst, uint32(len(f.Data)))
		dst = append(dst, f.Data...)
	}
	return append(dst, FeatureTerminator)
}

// FeatureExtAck is the FEATUREEXTACK token.
type FeatureExtAck struct{ Features []Feature }

// Encode appends the token.
func (f *FeatureExtAck) Encode(dst []byte) []byte { return AppendFeatureExtAck(dst, f.Features) }

// Decode reads the token at src[0] and returns the bytes consumed; Data
// aliases src.
func (f *FeatureExtAck) Decode(src []byte) (int, error) {
	if _, err := tokenHeader(src, TokenFeatureExtAck); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	f.Features = f.Features[:0]
	for {
		id := c.u8()
		if c.err != nil {
			return 0, c.err
		}
		if id == FeatureTerminator {
			return c.off, nil
		}
		if len(f.Features) >= maxFeatureExts {
			return 0, protoErr("too many FEATUREEXTACK entries")
		}
		n := c.u32()
		if int64(n) > int64(c.remaining()) {
			return 0, ErrShort
		}
		f.Features = append(f.Features, Feature{ID: id, Data: c.bytes(int(n))})
	}
}
