// Package session owns per-connection state that outlives a batch: SET
// options (with their SQL Server defaults and the ODBC/OLE DB defaults a
// LOGIN7 flag selects), and their compact fingerprint used by the plan
// cache key.
//
// It must not import tds, server, storage or the executor packages.
package session
