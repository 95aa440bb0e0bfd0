// Package msgs owns SQL Server's message catalogue: numbers, severities,
// symbolic names and English/French texts, used both for server errors and
// for the client-side connection errors. It imports nothing of ours.
package msgs
