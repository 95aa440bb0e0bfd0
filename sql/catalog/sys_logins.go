package catalog

import "sort"

// Logins lists the logins ordered by name (sys.server_principals).
func (c *Catalog) Logins() []*Login {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*Login, 0, len(c.logins))
	for _, l := range c.logins {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
