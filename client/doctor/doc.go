// Package doctor is `tsqld doctor`: a layered diagnosis of why a client can
// (or cannot) connect to a SQL Server or tsqld instance. It walks the
// layers in the order a client does — replace a client alias, parse the name, find a local tsqld
// instance, resolve the host, ask the Browser, connect TCP to every
// address, PRELOGIN, TLS, LOGIN7, then post-login facts — and reports one
// line per layer with what it measured. At the first failure it shows the
// error a normal client would show (the client package's exact texts),
// the most likely causes ranked from what the probes saw, and concrete
// fixes; for a tsqld instance on this host it also reads the instance's
// state, configuration and error log (the real 18456 state and Reason the
// client never sees). An alias whose port nobody listens on, or that the
// Browser or the local instance contradicts, fails the alias layer.
// Output is text (English or French) or JSON.
//
// The probes speak TDS with the tds codec directly, so each step is
// observed separately; post-login facts use go-mssqldb. Texts for causes
// and fixes are data (causes.go). It imports client, browser, service, tds
// and sql/msgs; it must not import server, embed or the engine.
package doctor
