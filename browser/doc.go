// Package browser is tsqld's SQL Server Browser: the SQL Server Resolution
// Protocol ([MC-SQLR], "SSRP") on UDP 1434, server and client side.
//
// The server answers CLNT_BCAST_EX (0x02), CLNT_UCAST_EX (0x03),
// CLNT_UCAST_INST (0x04) and CLNT_UCAST_DAC (0x0F) with SVR_RESP (0x05)
// records for every running, non-hidden instance of the host. Instances
// come from a Source; HomeSource reads the runtime.json files that running
// instances write under $TSQLD_HOME/<INSTANCE>/ (the ports actually
// listening, so a configured port change is advertised only after the
// engine restarts), and network.hideinstance from mssql.conf, which like
// SQL Server's HideInstance applies at once. Unknown and hidden instances
// get no answer, as on SQL Server.
//
// The client side resolves host\instance to a TCP port (Resolve, ResolveDAC)
// and lists a host's instances (List) for sqlcmd -L and the doctor.
//
// The package is standalone: it must not import tds/, server/, embed/,
// service/ or sql/ (the runtime file format is read with its own types).
package browser
