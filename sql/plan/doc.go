// Package plan holds what is reused between executions of the same text:
// the plan cache (keyed by batch text, parameter definition, database and
// the SET options that change binding), with each statement's parsed tree
// and its bound plan, invalidated by catalog version.
//
// It must not import tds, server, storage, sql/exec or sql/proc.
package plan
