package sysobj

import "strings"

// ConfigOption is one sp_configure option (sys.configurations row).
type ConfigOption struct {
	ID          int32
	Name        string
	Min, Max    int64
	Default     int64
	Dynamic     bool // takes effect at RECONFIGURE (else at restart)
	Advanced    bool // listed only with 'show advanced options' = 1
	Description string
}

// ConfigOptions are the options the server knows, in configuration_id
// order. Values only affect what the options are documented to affect
// where the engine implements it; the rest are recorded and reported.
var ConfigOptions = []ConfigOption{
	{101, "recovery interval (min)", 0, 32767, 0, true, true, "Maximum recovery interval in minutes"},
	{102, "allow updates", 0, 1, 0, true, false, "Allow updates to system tables"},
	{103, "user connections", 0, 32767, 0, false, true, "Number of user connections allowed"},
	{106, "locks", 5000, 2147483647, 0, false, true, "Number of locks for all users"},
	{107, "open objects", 0, 2147483647, 0, false, true, "Number of open database objects"},
	{109, "fill factor (%)", 0, 100, 0, false, true, "Default fill factor percentage"},
	{115, "nested triggers", 0, 1, 1, true, false, "Allow triggers to be invoked within triggers"},
	{117, "remote access", 0, 1, 1, false, false, "Allow remote access"},
	{124, "default language", 0, 9999, 0, true, false, "default language"},
	{503, "max worker threads", 128, 65535, 0, false, true, "Maximum worker threads"},
	{505, "network packet size (B)", 512, 32767, 4096, true, true, "Network packet size"},
	{518, "show advanced options", 0, 1, 0, true, false, "show advanced options"},
	{542, "remote proc trans", 0, 1, 0, true, false, "Create DTC transaction for remote procedures"},
	{544, "c2 audit mode", 0, 1, 0, false, true, "c2 audit mode"},
	{1126, "default full-text language", 0, 2147483647, 1033, true, true, "default full-text language"},
	{1127, "two digit year cutoff", 1753, 9999, 2049, true, true, "two digit year cutoff"},
	{1505, "index create memory (KB)", 704, 2147483647, 0, true, true, "Memory for index create sorts (kBytes)"},
	{1519, "remote login timeout (s)", 0, 2147483647, 10, true, false, "remote login timeout"},
	{1520, "remote query timeout (s)", 0, 2147483647, 600, true, false, "remote query timeout"},
	{1531, "cursor threshold", -1, 2147483647, -1, true, true, "cursor threshold"},
	{1534, "user options", 0, 32767, 0, true, false, "user options"},
	{1538, "cost threshold for parallelism", 0, 32767, 5, true, true, "cost threshold for parallelism"},
	{1539, "max degree of parallelism", 0, 32767, 0, true, true, "maximum degree of parallelism"},
	{1540, "min memory per query (KB)", 512, 2147483647, 1024, true, true, "minimum memory per query (kBytes)"},
	{1541, "query wait (s)", -1, 2147483647, -1, true, true, "maximum time to wait for query memory (s)"},
	{1543, "min server memory (MB)", 0, 2147483647, 0, true, true, "Minimum size of server memory (MB)"},
	{1544, "max server memory (MB)", 128, 2147483647, 2147483647, true, true, "Maximum size of server memory (MB)"},
	{1562, "clr enabled", 0, 1, 0, true, false, "CLR user code execution enabled in the server"},
	{1568, "default trace enabled", 0, 1, 1, true, true, "Enable or disable the default trace"},
	{1576, "remote admin connections", 0, 1, 0, true, false, "Dedicated Admin Connections are allowed from remote clients"},
	{1581, "optimize for ad hoc workloads", 0, 1, 0, true, true, "When this option is set, plan cache size is further reduced for single-use adhoc OLTP workload."},
	{1589, "contained database authentication", 0, 1, 0, true, false, "Enables contained databases and contained authentication"},
	{16384, "Agent XPs", 0, 1, 0, true, true, "Enable or disable Agent XPs"},
	{16390, "xp_cmdshell", 0, 1, 0, true, true, "Enable or disable command shell"},
	{16391, "Ad Hoc Distributed Queries", 0, 1, 0, true, true, "Enable or disable Ad Hoc Distributed Queries"},
}

// FindConfig resolves an sp_configure option name: an exact name, or a
// unique prefix as SQL Server accepts ("show adv").
func FindConfig(name string) (opt *ConfigOption, ambiguous bool) {
	ln := strings.ToLower(strings.TrimSpace(name))
	var hits []*ConfigOption
	for i := range ConfigOptions {
		o := &ConfigOptions[i]
		n := strings.ToLower(o.Name)
		if n == ln {
			return o, false
		}
		if strings.HasPrefix(n, ln) {
			hits = append(hits, o)
		}
	}
	if len(hits) == 1 {
		return hits[0], false
	}
	return nil, len(hits) > 1
}
