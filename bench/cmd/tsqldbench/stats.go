package main

import (
	"slices"
	"time"
)

// latencies collects every operation's latency; sorting them gives exact
// percentiles (a run holds at most a few hundred thousand samples).
type latencies []time.Duration

// percentile returns the q-quantile (0 < q ≤ 1) by the nearest-rank
// method on sorted samples.
func (l latencies) percentile(q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	i := int(q*float64(len(l))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(l) {
		i = len(l) - 1
	}
	return l[i]
}

func mergeSorted(parts []latencies) latencies {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	all := make(latencies, 0, n)
	for _, p := range parts {
		all = append(all, p...)
	}
	slices.Sort(all)
	return all
}

// ratio is a/b, or 0 (shown as "—") when either side is missing.
func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return a / b
}
