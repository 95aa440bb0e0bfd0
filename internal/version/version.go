// Package version holds the product version tsqld reports everywhere
// (PRELOGIN, LOGINACK, @@VERSION, SERVERPROPERTY, the error log, the
// Browser) so that they always agree. It imports nothing.
package version

import "fmt"

// SQL Server version we present: 16.0 (SQL Server 2022). Clients and tools
// (SSMS/SMO, Flyway) pick code paths from it, so it must be a real one.
const (
	Major = 16
	Minor = 0
	Build = 4000
	Sub   = 0
)

// Tsqld is tsqld's own release.
const Tsqld = "0.1.0"

// Product is the ProductVersion string, e.g. "16.0.4000.0".
func Product() string { return fmt.Sprintf("%d.%d.%d.%d", Major, Minor, Build, Sub) }

// Microsoft is @@MICROSOFTVERSION: major<<24 | minor<<16 | build.
func Microsoft() int32 { return int32(Major)<<24 | int32(Minor)<<16 | int32(Build) }
