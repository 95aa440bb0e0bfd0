// Package tz owns SQL Server's time zones: the Windows time-zone names that
// AT TIME ZONE and sys.time_zone_info use, mapped to the IANA zones whose
// rules Go's time package carries (the tzdata is embedded, so the server
// needs no /usr/share/zoneinfo), and SQL Server's conversion rules for
// local times that fall into a daylight-saving gap or overlap.
//
// It must import nothing of tsqld's beyond the standard library: the
// executor (sql/exec) and the system views (sql/sysobj) both use it.
package tz
