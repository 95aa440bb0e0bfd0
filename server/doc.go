// Package server is the one adapter between the TDS wire and the SQL engine.
//
// It owns the listeners (TCP on IPv4/IPv6, an optional Unix socket, the
// dedicated admin connection's own TCP listeners: sysadmin only, one at a
// time, outside the user-connection limit), the
// per-connection state machine (first-byte dispatch, PRELOGIN, encryption
// negotiation and the TLS plumbing of TDS 7.x and TDS 8 strict, LOGIN7,
// the login response), the request loop (one goroutine per connection
// reads, executes and answers; a server-wide watchdog gives a request that
// runs more than a few milliseconds a watcher goroutine so ATTENTION and
// socket errors are still seen), the session registry (SPIDs), and the
// result.Writer implementation that turns engine results into TDS tokens.
//
// It uses tds for every byte layout and sql/engine, sql/result, sql/types,
// sql/msgs for the engine side. It must not import any other sql/ package,
// nor service/, embed/ or cmd/.
package server
