package browser

import (
	"bytes"
	"strings"
	"testing"
)

func TestRequestGoldenBytes(t *testing.T) {
	cases := []struct {
		req  Request
		want []byte
	}{
		{Request{Type: ClntBcastEx}, []byte{0x02}},
		{Request{Type: ClntUcastEx}, []byte{0x03}},
		{Request{Type: ClntUcastInst, Instance: "SQLEXPRESS"}, append(append([]byte{0x04}, "SQLEXPRESS"...), 0x00)},
		{Request{Type: ClntUcastDAC, Instance: "MSSQLSERVER"}, append(append([]byte{0x0F, 0x01}, "MSSQLSERVER"...), 0x00)},
	}
	for _, tc := range cases {
		got, err := EncodeRequest(tc.req)
		if err != nil || !bytes.Equal(got, tc.want) {
			t.Errorf("EncodeRequest(%+v) = % X, %v; want % X", tc.req, got, err, tc.want)
		}
		back, err := ParseRequest(got)
		if err != nil || back != tc.req {
			t.Errorf("ParseRequest(% X) = %+v, %v", got, back, err)
		}
	}
	// go-mssqldb's DAC request carries the terminator as the last byte of
	// its buffer; a request without one is accepted too.
	if r, err := ParseRequest([]byte{0x04, 'A', 'B'}); err != nil || r.Instance != "AB" {
		t.Errorf("unterminated: %+v %v", r, err)
	}
	for _, bad := range [][]byte{{}, {0x07}, {0x04, 0x00}, {0x0F, 0x02, 'A', 0}, append([]byte{0x04}, strings.Repeat("x", 33)...)} {
		if _, err := ParseRequest(bad); err == nil {
			t.Errorf("ParseRequest(% X) accepted", bad)
		}
	}
	if _, err := EncodeRequest(Request{Type: ClntUcastInst, Instance: strings.Repeat("x", 33)}); err == nil {
		t.Error("long name encoded")
	}
}

func TestResponseGoldenBytes(t *testing.T) {
	rec := Record{ServerName: "SQL01", InstanceName: "SQLEXPRESS", Version: "16.0.4000.0", TCPPort: 49974}
	data := AppendRecord(nil, rec)
	const text = "ServerName;SQL01;InstanceName;SQLEXPRESS;IsClustered;No;Version;16.0.4000.0;tcp;49974;;"
	if string(data) != text {
		t.Fatalf("record %q", data)
	}
	resp, err := EncodeResponse(nil, data)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]byte{0x05, byte(len(text)), 0x00}, text...)
	if !bytes.Equal(resp, want) {
		t.Fatalf("response % X\nwant     % X", resp, want)
	}
	recs, err := ParseResponse(resp)
	if err != nil || len(recs) != 1 || recs[0].ServerName != "SQL01" || recs[0].TCPPort != 49974 || recs[0].IsClustered {
		t.Fatalf("parse %+v %v", recs, err)
	}
	// A real Browser's answer with a pipe and two instances.
	two := "ServerName;SQL01;InstanceName;MSSQLSERVER;IsClustered;No;Version;16.0.1000.6;tcp;1433;np;\\\\SQL01\\pipe\\sql\\query;;" +
		"ServerName;SQL01;InstanceName;SQLEXPRESS;IsClustered;Yes;Version;16.0.1000.6;np;\\\\SQL01\\pipe\\MSSQL$SQLEXPRESS\\sql\\query;;"
	resp2, _ := EncodeResponse(nil, []byte(two))
	recs, err = ParseResponse(resp2)
	if err != nil || len(recs) != 2 || recs[0].Pipe != `\\SQL01\pipe\sql\query` || recs[1].TCPPort != 0 || !recs[1].IsClustered {
		t.Fatalf("parse two %+v %v", recs, err)
	}
	if string(AppendRecord(nil, recs[0])) != "ServerName;SQL01;InstanceName;MSSQLSERVER;IsClustered;No;Version;16.0.1000.6;np;\\\\SQL01\\pipe\\sql\\query;tcp;1433;;" {
		t.Errorf("re-encoded %q", AppendRecord(nil, recs[0]))
	}
	for _, bad := range [][]byte{{0x05, 0x10, 0x00, 'a'}, {0x04, 0, 0}, append([]byte{0x05, 5, 0}, "abcde"...)} {
		if _, err := ParseResponse(bad); err == nil {
			t.Errorf("ParseResponse(% X) accepted", bad)
		}
	}
}

func TestDACResponseGolden(t *testing.T) {
	b := EncodeDACResponse(1434)
	if !bytes.Equal(b, []byte{0x05, 0x06, 0x00, 0x01, 0x9A, 0x05}) {
		t.Fatalf("% X", b)
	}
	if p, err := ParseDACResponse(b); err != nil || p != 1434 {
		t.Fatalf("%d %v", p, err)
	}
	if _, err := ParseDACResponse([]byte{0x05, 0x06, 0x00, 0x01, 0, 0}); err == nil {
		t.Error("port 0 accepted")
	}
}

func TestRecordSizeLimit(t *testing.T) {
	// A pipe name that would push the record past 1,024 bytes is skipped;
	// tcp still fits and is kept.
	rec := Record{ServerName: "S", InstanceName: "I", Version: "16.0.4000.0", Pipe: strings.Repeat("p", 1000), TCPPort: 1433}
	data := AppendRecord(nil, rec)
	if len(data) > MaxRecordData || strings.Contains(string(data), ";np;") || !strings.HasSuffix(string(data), ";tcp;1433;;") {
		t.Fatalf("record %d bytes: %q", len(data), data)
	}
}
