package main

import (
	"encoding/json"
	"io"
	"strings"
)

// exitError ends the process with a status and no extra message.
type exitError struct{ code int }

func (e exitError) Error() string { return "" }
func (e exitError) ExitCode() int { return e.code }

// hasFlag reports whether args contain -name or --name (with or without =).
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		a = strings.TrimLeft(a, "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

// normalizeFlags turns GNU-style --flag into the Go flag package's -flag
// (which accepts both, but keeping one form makes errors consistent).
func normalizeFlags(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.HasPrefix(a, "--") && len(a) > 2 {
			a = a[1:]
		}
		out[i] = a
	}
	return out
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
