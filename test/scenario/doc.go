// Package scenario is the service-level acceptance suite ("The engine as a
// service"): each test puts an instance in a state with tsqld's own
// commands (start, stop, pause, continue, config set, restart, browser),
// then asserts what a real client sees (go-mssqldb, FreeTDS tsql, a client
// inside a network namespace) and what the instance's error log says.
//
// The tests build the tsqld binary once (TestMain) and run every instance
// in its own home directory with its own ports, so they run in parallel.
// Tests that need UDP 1434 (go-mssqldb and tsql resolve named instances
// there) take a package lock and skip when the port is busy; the network
// namespace test skips when namespaces cannot be created (not root).
//
// It imports the service and browser packages only for their data types
// and the Browser client; it never starts an engine in-process.
package scenario
