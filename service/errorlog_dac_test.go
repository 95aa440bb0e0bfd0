package service

import (
	"os"
	"testing"
)

// The DAC's listeners come as one group: a listening line per address,
// then the 17201/17202 line once and the maximum number of DACs.
func TestListeningDACLines(t *testing.T) {
	l, _, path := fixedLog(t, 6)
	l.ListeningDAC(nil) // no DAC (Express): nothing
	l.ListeningDAC([]Endpoint{{Protocol: ProtoDAC, Address: "127.0.0.1", Port: 1434}, {Protocol: ProtoDAC, Address: "::1", Port: 1434}})
	l.ListeningDAC([]Endpoint{{Protocol: ProtoDAC, Address: "0.0.0.0", Port: 49731}, {Protocol: ProtoDAC, Address: "::", Port: 49731}})
	want := `2026-11-25 10:00:00.12 Server      Server is listening on [ 127.0.0.1 <ipv4> 1434].
2026-11-25 10:00:00.12 Server      Server is listening on [ ::1 <ipv6> 1434].
2026-11-25 10:00:00.12 Server      Dedicated admin connection support was established for listening locally on port 1434.
2026-11-25 10:00:00.12 Server      The maximum number of dedicated administrator connections for this instance is '1'
2026-11-25 10:00:00.12 Server      Server is listening on [ 'any' <ipv4> 49731].
2026-11-25 10:00:00.12 Server      Server is listening on [ 'any' <ipv6> 49731].
2026-11-25 10:00:00.12 Server      Dedicated admin connection support was established for listening remotely on port 49731.
2026-11-25 10:00:00.12 Server      The maximum number of dedicated administrator connections for this instance is '1'
`
	b, _ := os.ReadFile(path)
	if string(b) != want {
		t.Errorf("file:\n%s\nwant:\n%s", b, want)
	}
}
