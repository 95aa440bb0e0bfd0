package catalog

import (
	"fmt"
	"strings"

	"github.com/tsqld/tsqld/internal/version"
)

// Product version reported by @@VERSION, SERVERPROPERTY('ProductVersion')
// and PRELOGIN: all come from internal/version so the wire and T-SQL agree.
// Clients parse the leading "Microsoft SQL Server 2022" and the 16.0
// major/minor; the rest honestly names tsqld.
const (
	ProductMajor = version.Major
	ProductMinor = version.Minor
	ProductBuild = version.Build
)

// ProductVersion is SERVERPROPERTY('ProductVersion').
var ProductVersion = version.Product()

// VersionString is @@VERSION.
func VersionString(edition string) string {
	if edition == "" {
		edition = "Developer"
	}
	// Callers may pass the full edition name ("Developer Edition (64-bit)").
	edition = strings.TrimSuffix(edition, " (64-bit)")
	edition = strings.TrimSuffix(edition, " Edition")
	return fmt.Sprintf("Microsoft SQL Server 2022 (RTM) - %s (X64) \n\ttsqld %s (SQL Server compatible engine written in Go)\n\t%s Edition (64-bit) on Linux\n", ProductVersion, version.Tsqld, edition)
}
