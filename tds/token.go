package tds

// Token types of the server's token stream [MS-TDS 2.2.7].
const (
	TokenReturnStatus       uint8 = 0x79
	TokenColMetadata        uint8 = 0x81
	TokenOrder              uint8 = 0xA9
	TokenError              uint8 = 0xAA
	TokenInfo               uint8 = 0xAB
	TokenReturnValue        uint8 = 0xAC
	TokenLoginAck           uint8 = 0xAD
	TokenFeatureExtAck      uint8 = 0xAE
	TokenRow                uint8 = 0xD1
	TokenNBCRow             uint8 = 0xD2
	TokenEnvChange          uint8 = 0xE3
	TokenSSPI               uint8 = 0xED
	TokenFedAuthInfo        uint8 = 0xEE
	TokenDone               uint8 = 0xFD
	TokenDoneProc           uint8 = 0xFE
	TokenDoneInProc         uint8 = 0xFF
	TokenTabName            uint8 = 0xA4 // browse mode; never sent (tedious throws)
	TokenColInfo            uint8 = 0xA5 // browse mode; never sent
	TokenSessionState       uint8 = 0xE4
	TokenDataClassification uint8 = 0xA3
)

// tokenHeader checks the token byte at src[0].
func tokenHeader(src []byte, want ...uint8) (uint8, error) {
	if len(src) == 0 {
		return 0, ErrShort
	}
	for _, w := range want {
		if src[0] == w {
			return w, nil
		}
	}
	return 0, protoErr("unexpected token 0x%02x", src[0])
}

// beginLen reserves a USHORT length after a token byte; endLen patches it.
func beginLen16(dst []byte, tok uint8) ([]byte, int) {
	dst = append(dst, tok, 0, 0)
	return dst, len(dst)
}

func endLen16(dst []byte, start int) []byte {
	putU16(dst[start-2:], uint16(len(dst)-start))
	return dst
}
