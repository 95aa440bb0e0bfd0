package sqlcmd

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/tsqld/tsqld/browser"
)

// listServers is -L: it asks the local Browser and broadcasts
// CLNT_BCAST_EX on the network, then prints "Servers:" and one name per
// line (-Lc: the names only).
func listServers(ctx context.Context, w io.Writer, clean bool) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	seen := map[string]bool{}
	var names []string
	add := func(recs []browser.Record) {
		for _, r := range recs {
			n := r.ServerName
			if r.InstanceName != "" && !strings.EqualFold(r.InstanceName, "MSSQLSERVER") {
				n += `\` + r.InstanceName
			}
			if k := strings.ToUpper(n); !seen[k] {
				seen[k] = true
				names = append(names, n)
			}
		}
	}
	if recs, err := browser.List(ctx, "127.0.0.1"); err == nil {
		add(recs)
	}
	if recs, err := browser.DefaultClient.Discover(ctx, "255.255.255.255:1434"); err == nil {
		add(recs)
	}
	sort.Strings(names)
	if clean {
		for _, n := range names {
			fmt.Fprintln(w, n)
		}
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Servers:")
	for _, n := range names {
		fmt.Fprintln(w, "    "+n)
	}
}
