package session

import "testing"

func TestDefaultsAndSet(t *testing.T) {
	o := Defaults(true)
	for _, f := range []Flag{AnsiNulls, AnsiPadding, AnsiWarnings, QuotedIdentifier, ConcatNullYieldsNull, ArithAbort} {
		if !o.Has(f) {
			t.Errorf("flag %d off by default for ODBC clients", f)
		}
	}
	if o.Has(NoCount) || o.Has(XactAbort) || o.Has(ImplicitTransactions) {
		t.Error("NOCOUNT/XACT_ABORT/IMPLICIT_TRANSACTIONS must start OFF")
	}
	if d := Defaults(false); d.Has(AnsiNulls) || d.Has(QuotedIdentifier) {
		t.Error("DB-Library defaults must have ANSI_NULLS and QUOTED_IDENTIFIER OFF")
	}
	o.Set(AnsiNullDfltOff, true)
	if o.Has(AnsiNullDfltOn) {
		t.Error("ANSI_NULL_DFLT_OFF must clear ANSI_NULL_DFLT_ON")
	}
	k := o.PlanKey()
	o.Set(QuotedIdentifier, false)
	if o.PlanKey() == k {
		t.Error("QUOTED_IDENTIFIER must change the plan key")
	}
	if f, ok := LookupFlag("xact_abort"); !ok || f != XactAbort {
		t.Error("LookupFlag is case-insensitive")
	}
}
