package server

import (
	"context"
	"log/slog"
)

// ErrorLog receives what SQL Server writes to its ERRORLOG. The service
// layer implements it with SQL Server's file format; the source is the
// column SQL Server prints after the timestamp ("Server", "Logon",
// "spid51").
type ErrorLog interface {
	// Error records a numbered message; SQL Server writes it as two lines,
	// "Error: 18456, Severity: 14, State: 8." and then text.
	Error(source string, number int32, severity, state uint8, text string)
	// Info records one informational line.
	Info(source string, text string)
}

// SlogErrorLog adapts a *slog.Logger to ErrorLog (the default until the
// service layer provides the real ERRORLOG).
type SlogErrorLog struct{ L *slog.Logger }

func (s SlogErrorLog) Error(source string, number int32, severity, state uint8, text string) {
	s.L.LogAttrs(context.Background(), slog.LevelError, text,
		slog.String("source", source), slog.Int("error", int(number)),
		slog.Int("severity", int(severity)), slog.Int("state", int(state)))
}

func (s SlogErrorLog) Info(source string, text string) {
	s.L.LogAttrs(context.Background(), slog.LevelInfo, text, slog.String("source", source))
}
