// Package client is the client side of SQL Server connectivity: it parses
// server names the way sqlcmd and SqlClient do (host, host,port,
// host\instance, tcp:/np:/lpc:/admin: prefixes, ".", "(local)"), ADO-style
// connection strings with their keyword synonyms and quoting rules, and
// go-mssqldb's sqlserver:// URLs; and it builds the client-visible
// connection errors (10061 and its family) with SqlClient's exact composite
// text, in English or French, from the message catalogue in sql/msgs.
// Go dial errors map onto that family with FromDialError.
//
// It also keeps the client aliases (alias.go), SQL Server's client network
// configuration: a bare name that -S / Server= replace by tcp:host,port,
// np: or lpc: before anything else, stored in an INI file
// ($TSQLD_ALIASES, else $XDG_CONFIG_HOME or ~/.config/tsqld/aliases.ini).
//
// lpc: (shared memory) and np: (named pipes) have no Windows meaning here:
// they select the instance's Unix-domain socket, whose path the caller
// resolves (the service package knows where the instance keeps it).
//
// It imports sql/msgs only; it must not import server, tds or the engine.
// The doctor's probes and the sqlcmd-compatible shell build on it.
package client
