// Package sqlcmd is a sqlcmd-compatible shell (`tsqld sql`): the classic
// ODBC sqlcmd's command line (-S -U -P -d -Q -q -i -o -b -V -m -h -s -W -w
// -y -Y -r -e -k -C -N -l -t -v -A -L -?), its scripting language (GO [n],
// :r, :setvar, $(var), :on error, :connect, :out, :error, :listvar, :quit,
// :exit(query), !!), its output format (column widths from the ODBC display
// sizes of the column types, "(N rows affected)", "Msg n, Level l, State s,
// Server x, Line n" headers) and its exit codes, plus an interactive mode
// with numbered prompts, history and Ctrl-C cancelling the running batch.
//
// The output side (Formatter, RenderValue, Column) works without a server,
// so the format is tested from column metadata, rows and messages alone.
// Sessions use go-mssqldb (its message loop keeps PRINT, errors, result sets
// and row counts in server order). Connection failures are reported with the
// client package's exact SQL Server texts, followed by a pointer to
// `tsqld doctor` for the same target.
//
// It imports client, browser and service (to find a local instance's Unix
// socket for np:/lpc:); it must not import server, embed, tds or the engine.
package sqlcmd
