package service

import (
	"fmt"
	"os"
	"strings"
)

// FirstStart is what the official container's environment contributes when
// an instance is created: settings written to mssql.conf and the sa
// password the engine sets when it creates master.
type FirstStart struct {
	// SAPassword comes from MSSQL_SA_PASSWORD (or SA_PASSWORD), else it is
	// generated and Generated is set so the caller prints it once.
	SAPassword string
	Generated  bool
	// Applied lists "VAR=value → key" notes for the log.
	Applied []string
}

// envSetting maps container variables to mssql.conf keys.
var envSettings = []struct{ env, key string }{
	{"MSSQL_PID", "sqlserver.edition"},
	{"MSSQL_TCP_PORT", "network.tcpport"},
	{"MSSQL_LCID", "language.lcid"},
	{"MSSQL_COLLATION", "sqlserver.collation"},
	{"MSSQL_MEMORY_LIMIT_MB", "memory.memorylimitmb"},
}

// ApplyEnvironment applies the container variables to cfg (not saved) and
// checks the sa password against the policy. getenv is os.Getenv in
// production. A bad value names the variable, as the container does.
func ApplyEnvironment(cfg *Config, getenv func(string) string) (*FirstStart, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	fs := &FirstStart{}
	for _, e := range envSettings {
		v := strings.TrimSpace(getenv(e.env))
		if v == "" {
			continue
		}
		if _, err := cfg.Set(e.key, v); err != nil {
			return nil, fmt.Errorf("%s: %w", e.env, err)
		}
		fs.Applied = append(fs.Applied, fmt.Sprintf("%s=%s -> %s", e.env, cfg.Get(e.key), e.key))
	}
	pw := getenv("MSSQL_SA_PASSWORD")
	if pw == "" {
		pw = getenv("SA_PASSWORD") // the older, deprecated name
	}
	if pw == "" {
		fs.SAPassword, fs.Generated = GeneratePassword(), true
		return fs, nil
	}
	if err := CheckPassword(pw, "sa"); err != nil {
		return nil, SAPasswordError(err)
	}
	fs.SAPassword = pw
	return fs, nil
}

// EditionName is SERVERPROPERTY('Edition') for an edition setting; a
// product key (which tsqld cannot decode) reports Enterprise.
func EditionName(edition string) string {
	switch strings.ToLower(edition) {
	case "developer", "":
		return "Developer Edition (64-bit)"
	case "express":
		return "Express Edition (64-bit)"
	case "standard":
		return "Standard Edition (64-bit)"
	case "enterprise":
		return "Enterprise Edition (64-bit)"
	case "enterprisecore":
		return "Enterprise Edition: Core-based Licensing (64-bit)"
	case "evaluation":
		return "Enterprise Evaluation Edition (64-bit)"
	}
	return "Enterprise Edition (64-bit)"
}
