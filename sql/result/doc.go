// Package result is the narrow streaming interface between the engine and
// whoever presents results (the TDS server, the sqllogictest runner, tests).
// The engine never builds protocol tokens; it calls a Writer.
// It imports only sql/types and sql/msgs.
package result
