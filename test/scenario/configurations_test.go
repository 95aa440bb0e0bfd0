package scenario

import "testing"

// The instance's settings are what sp_configure and sys.configurations
// report, as SQL Server reports its own configuration.
func TestSettingsVisibleThroughSpConfigure(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("sqlserver.userconnections", "77")
	in.set("sqlserver.remoteadmin", "1")
	in.start()
	c := mustLogin(t, dsn("127.0.0.1", in.port), nil)
	if got := scalar(t, c, "SELECT CAST(value_in_use AS varchar(10)) FROM sys.configurations WHERE name = 'user connections'"); got != "77" {
		t.Errorf("user connections value_in_use = %q, want 77", got)
	}
	if got := scalar(t, c, "SELECT CAST(value_in_use AS varchar(10)) FROM sys.configurations WHERE name = 'remote admin connections'"); got != "1" {
		t.Errorf("remote admin connections value_in_use = %q, want 1", got)
	}
}
