package service

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/tsqld/tsqld/internal/version"
)

// The startup banner and the lines after it, in SQL Server's order
// (connectivity.md §3.4); SQLCheck keys on "Authentication mode is" and
// "Registry startup parameters".

func (s *Service) writeBanner(l *ErrorLog) {
	host := hostOS()
	l.Log(SourceServer, fmt.Sprintf("Microsoft SQL Server 2022 (RTM) - %s (X64) \n\ttsqld %s (%s, %s)\n\t%s on %s <X64>",
		s.opts.Version, version.Tsqld, runtime.Version(), runtime.GOARCH, s.Edition(), host))
	_, off := time.Now().Zone()
	l.Logf(SourceServer, "UTC adjustment: %d:%02d", off/3600, abs(off%3600)/60)
	l.Logf(SourceServer, "Server process ID is %d.", os.Getpid())
	l.Log(SourceServer, "Authentication mode is MIXED.")
	l.Logf(SourceServer, "Logging SQL Server messages in file '%s'.", s.paths.ErrorLog)
	l.Logf(SourceServer, "Registry startup parameters: \n\t -d %s\n\t -e %s\n\t -c %s", s.paths.DataDir, s.paths.ErrorLog, s.paths.Conf)
}

func (s *Service) writeStartupLines() {
	n := runtime.NumCPU()
	s.log.Logf(SourceServer, "SQL Server detected 1 sockets with %d cores per socket and %d logical processors per socket, %d total logical processors; using %d logical processors based on SQL Server licensing. This is an informational message; no user action is required.", n, n, n, n)
	if s.first != nil {
		for _, a := range s.first.Applied {
			s.log.Logf(SourceServer, "Setting from the environment: %s.", a)
		}
	}
	lcid := s.cfg.Get("language.lcid")
	s.log.Logf(SourceServer, "Default collation: %s (%s %s)", s.cfg.Get("sqlserver.collation"), languageName(lcid), lcid)
	s.log.Logf(SourceServer, "Server name is '%s'. This is an informational message only. No user action is required.", s.serverNameWithInstance())
}

func (s *Service) serverNameWithInstance() string {
	if s.paths.Instance == DefaultInstance {
		return s.opts.ServerName
	}
	return s.opts.ServerName + `\` + s.paths.Instance
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// hostOS is the banner's "on Linux (Ubuntu 22.04.4 LTS)" part.
func hostOS() string {
	name := strings.ToUpper(runtime.GOOS[:1]) + runtime.GOOS[1:]
	if b, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "PRETTY_NAME="); ok {
				return name + " (" + strings.Trim(v, `"`) + ")"
			}
		}
	}
	return name
}

// languageName is the default language shown in "Default collation: …".
func languageName(lcid string) string {
	switch lcid {
	case "1036":
		return "Français"
	case "1031":
		return "Deutsch"
	case "1041":
		return "日本語"
	case "3082":
		return "Español"
	case "1040":
		return "Italiano"
	}
	return "us_english"
}
