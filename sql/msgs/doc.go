// Package msgs owns SQL Server's message catalogue: numbers, severities,
// symbolic names and English/French texts, used both for server errors and
// for the client-side connection errors. It imports nothing of ours.
//
// The catalogue is data (messages.tsv, committed); internal/gen (with
// internal/catgen) turns it into catalogue_gen.go, a sorted array searched
// without allocation, so the server parses nothing at startup. After editing
// messages.tsv run `go generate ./sql/msgs` and commit both files; a test
// regenerates in memory and fails when they disagree.
//
// The number spaces are kept apart by Kind: server messages (sys.messages),
// OS/Winsock errors, SNI error codes, SNI provider names, client-side
// sentences (SqlClient/ODBC wording) and the documentation of the
// client-visible connection errors (explanation and user action).
//
// Format implements sys.messages / RAISERROR printf-style substitution
// (see its doc comment for the %.*ls convention); FormatStrict adds
// RAISERROR's checks (2786, 2787). New/NewState/NewLang/NewIn build *Error
// values with the catalogue's severity and state 1 (or the given state);
// NewTypical uses the state clients usually see (2714 → 6, 2812 → 62 …).
package msgs

//go:generate go run ./internal/gen -in messages.tsv -out catalogue_gen.go
