package scenario

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/service"
)

const dac17810 = "Could not connect because the maximum number of '1' dedicated administrator connections already exists. Before a new connection can be made, the existing dedicated administrator connection must be dropped, either by logging off or ending the process."

// Row 11: the dedicated admin connection listens on loopback on its own
// port (logged as SQL Server does); the first DAC session works — also
// when user connections are exhausted — and a second one gets 17810
// until the first logs off.
func TestDedicatedAdminConnection(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("sqlserver.userconnections", "1")
	in.start()
	dac := in.endpoint(service.ProtoDAC)
	if !dac.IsLoopback() || dac.Port == 0 || dac.Port == in.port {
		t.Fatalf("DAC endpoint = %+v; want its own loopback port", dac)
	}
	in.wantLog("Server is listening on [ 127.0.0.1 <ipv4> "+itoa(dac.Port)+"].",
		"Dedicated admin connection support was established for listening locally on port "+itoa(dac.Port)+".",
		service.MsgMaxDAC)

	// The one user connection allowed is taken: the DAC still gets in.
	mustLogin(t, dsn("127.0.0.1", in.port), nil)
	if e := sqlError(t, loginErr(t, dsn("127.0.0.1", in.port), nil)); e.Number != 17809 {
		t.Fatalf("second user login: %d %s; want 17809", e.Number, e.Message)
	}
	first := mustLogin(t, dsn("127.0.0.1", dac.Port), nil)
	if got := scalar(t, first, "SELECT CAST(1 AS varchar(10))"); got != "1" {
		t.Fatalf("query on the DAC = %q", got)
	}

	e := sqlError(t, loginErr(t, dsn("127.0.0.1", dac.Port), nil))
	if e.Number != 17810 || !strings.Contains(e.Message, dac17810) {
		t.Fatalf("second DAC login: %d %q; want 17810 %q", e.Number, e.Message, dac17810)
	}
	in.wantLog("Error: 17810, Severity: 20, State: 1.", dac17810+" [CLIENT: 127.0.0.1]")

	// The slot frees when the first DAC session logs off.
	first.Close()
	waitFor(t, "the DAC slot to free", func() bool {
		c, err := login(t, dsn("127.0.0.1", dac.Port), nil)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

// Express has no DAC unless trace flag 7806: no DAC listener, and the
// log says why (17199).
func TestDACDisabledOnExpress(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("sqlserver.edition", "Express")
	in.start()
	for _, e := range in.status().Endpoints {
		if e.Protocol == service.ProtoDAC {
			t.Fatalf("Express instance has a DAC endpoint %s", e)
		}
	}
	in.wantLog(service.MsgDACDisabled)
	in.noLog("Dedicated admin connection support was established")
}
