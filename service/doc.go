// Package service is tsqld's instance model: what SQL Server Configuration
// Manager, mssql-conf, the Service Control Manager and the ERRORLOG are for
// SQL Server.
//
// It owns:
//   - instances and their directories ($TSQLD_HOME/<INSTANCE>/: mssql.conf,
//     data/, log/errorlog*, certificate, runtime state, control socket);
//   - the settings registry (mssql-conf names, types, defaults, allowed
//     values, restart requirements), validation, pending-restart tracking and
//     the official container's first-start environment (MSSQL_SA_PASSWORD,
//     MSSQL_PID, MSSQL_TCP_PORT, MSSQL_LCID, MSSQL_COLLATION);
//   - the service state machine (STOPPED … PAUSED, the SCM's states and
//     numbers), the pid/lock file, and the control channel (a 0600 Unix
//     socket that only the instance owner may use) with its client side
//     (Status, Pause, Continue, Stop, CycleErrorLog) and the detached Start;
//   - the error log: SQL Server's line format and wording, rotation
//     (sp_cycle_errorlog), the reader behind sp_readerrorlog and follow mode.
//
// The running engine is reached only through the Instance interface, so the
// embed package (wired by cmd/tsqld) plugs in without this package knowing
// it. service must not import tds/, server/, embed/ or cmd/; it may import
// internal/version.
package service
