package tds

// DecodeTokens decodes a whole server token stream (a reply message
// payload) into token values: *EnvChange, *ServerMessage, *LoginAck,
// *FeatureExtAck, *ColMetadata, *Order, *Row (ROW and NBCROW, decoded with
// the latest COLMETADATA), *ReturnStatus, *ReturnValue and *Done. It is
// meant for tests and the doctor's probes, not for hot paths: every token
// is allocated. Unknown tokens are an error.
func DecodeTokens(src []byte, v Version) ([]any, error) {
	var out []any
	var cols []Column
	for off := 0; off < len(src); {
		b := src[off:]
		var n int
		var err error
		switch b[0] {
		case TokenEnvChange:
			t := new(EnvChange)
			n, err = t.Decode(b)
			out = append(out, t)
		case TokenError, TokenInfo:
			t := new(ServerMessage)
			n, err = t.Decode(b, v)
			out = append(out, t)
		case TokenLoginAck:
			t := new(LoginAck)
			n, err = t.Decode(b)
			out = append(out, t)
		case TokenFeatureExtAck:
			t := new(FeatureExtAck)
			n, err = t.Decode(b)
			out = append(out, t)
		case TokenColMetadata:
			t := new(ColMetadata)
			n, err = t.Decode(b, v)
			if !t.NoMetadata {
				cols = t.Columns
			}
			out = append(out, t)
		case TokenOrder:
			t := new(Order)
			n, err = t.Decode(b)
			out = append(out, t)
		case TokenRow, TokenNBCRow:
			t := new(Row)
			n, err = t.Decode(b, v, cols)
			out = append(out, t)
		case TokenReturnStatus:
			t := new(ReturnStatus)
			n, err = t.Decode(b)
			out = append(out, t)
		case TokenReturnValue:
			t := new(ReturnValue)
			n, err = t.Decode(b, v)
			out = append(out, t)
		case TokenDone, TokenDoneProc, TokenDoneInProc:
			t := new(Done)
			n, err = t.Decode(b, v)
			out = append(out, t)
		default:
			return out, protoErr("unknown token 0x%02x at offset %d", b[0], off)
		}
		if err != nil {
			return out, err
		}
		off += n
	}
	return out, nil
}
