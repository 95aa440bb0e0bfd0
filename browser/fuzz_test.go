package browser

import "testing"

// Requests come from the network unauthenticated: parsing and answering
// must never panic, and an answer never exceeds the protocol's limits.
func FuzzReply(f *testing.F) {
	f.Add([]byte{0x02})
	f.Add([]byte{0x03})
	f.Add([]byte{0x04, 'M', 'S', 'S', 'Q', 'L', 'S', 'E', 'R', 'V', 'E', 'R', 0})
	f.Add([]byte{0x0F, 0x01, 'M', 'S', 'S', 'Q', 'L', 'S', 'E', 'R', 'V', 'E', 'R', 0})
	s := &Server{Source: testInstances}
	f.Fuzz(func(t *testing.T, req []byte) {
		out := s.Reply(nil, req)
		if len(out) == 0 {
			return
		}
		if out[0] != SvrResp {
			t.Fatalf("reply type 0x%02X", out[0])
		}
		if len(out) == 6 {
			if _, err := ParseDACResponse(out); err == nil {
				return
			}
		}
		recs, err := ParseResponse(out)
		if err != nil || len(recs) == 0 {
			t.Fatalf("unparseable reply % X: %v", out, err)
		}
		if req[0] == ClntUcastInst && len(out)-3 > MaxRecordData {
			t.Fatalf("instance reply of %d bytes", len(out)-3)
		}
	})
}

// Responses come from the network too (the client side).
func FuzzParseResponse(f *testing.F) {
	seed, _ := EncodeResponse(nil, AppendRecord(nil, testInstances[0].Record()))
	f.Add(seed)
	f.Add([]byte{0x05, 0x06, 0x00, 0x01, 0x9A, 0x05})
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ParseResponse(b)
		if err != nil {
			return
		}
		// What parses re-encodes to a parseable answer with the same names.
		var data []byte
		for _, r := range recs {
			if !r.Encodable() {
				t.Fatalf("parsed a record that cannot be sent: %+v", r)
			}
			data = AppendRecord(data, r)
		}
		out, err := EncodeResponse(nil, data)
		if err != nil {
			return
		}
		again, err := ParseResponse(out)
		if err != nil {
			t.Fatalf("re-encoded answer does not parse: %v\n%q", err, data)
		}
		if err == nil && len(again) != len(recs) {
			t.Fatalf("%d records became %d", len(recs), len(again))
		}
	})
}
