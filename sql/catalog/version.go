package catalog

import "fmt"

// Product version reported by @@VERSION, SERVERPROPERTY('ProductVersion')
// and PRELOGIN. Clients parse the leading "Microsoft SQL Server 2022" and
// the 16.0 major/minor; the rest honestly names tsqld.
const (
	ProductMajor = 16
	ProductMinor = 0
	ProductBuild = 4135
	// ProductVersion is SERVERPROPERTY('ProductVersion').
	ProductVersion = "16.0.4135.4"
)

// VersionString is @@VERSION.
func VersionString(edition string) string {
	if edition == "" {
		edition = "Developer"
	}
	return fmt.Sprintf("Microsoft SQL Server 2022 (RTM) - %s (X64) \n\ttsqld (SQL Server compatible engine written in Go)\n\t%s Edition (64-bit) on Linux\n", ProductVersion, edition)
}
