package service

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// InstanceStatus is what `tsqld status` shows (and --json prints).
type InstanceStatus struct {
	Instance    string          `json:"instance"`
	DisplayName string          `json:"display_name"`
	State       State           `json:"state"`
	StateCode   int             `json:"state_code"`
	PID         int             `json:"pid,omitempty"`
	Version     string          `json:"version,omitempty"`
	Edition     string          `json:"edition,omitempty"`
	Endpoints   []Endpoint      `json:"endpoints,omitempty"`
	Started     *time.Time      `json:"started,omitempty"`
	Uptime      float64         `json:"uptime_seconds,omitempty"`
	Sessions    int             `json:"sessions"`
	Pending     []PendingChange `json:"pending_restart,omitempty"`
	ConfigFile  string          `json:"config_file"`
	ErrorLog    string          `json:"errorlog"`
}

// JSON renders the status as indented JSON.
func (s *InstanceStatus) JSON() []byte {
	b, _ := json.MarshalIndent(s, "", "  ")
	return append(b, '\n')
}

// WriteText renders the status for people.
func (s *InstanceStatus) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Instance:\t%s (%s)\n", s.Instance, s.DisplayName)
	fmt.Fprintf(tw, "State:\t%s\n", s.State)
	if s.PID > 0 {
		fmt.Fprintf(tw, "PID:\t%d\n", s.PID)
	}
	if s.Version != "" {
		fmt.Fprintf(tw, "Version:\t%s\n", s.Version)
	}
	if s.Edition != "" {
		fmt.Fprintf(tw, "Edition:\t%s\n", s.Edition)
	}
	if s.Started != nil {
		up := time.Duration(s.Uptime * float64(time.Second)).Truncate(time.Second)
		fmt.Fprintf(tw, "Started:\t%s (up %s)\n", s.Started.Format(time.RFC3339), up)
	}
	for i, e := range s.Endpoints {
		label := ""
		if i == 0 {
			label = "Listening:"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, e)
	}
	if s.State != Stopped {
		fmt.Fprintf(tw, "Sessions:\t%d\n", s.Sessions)
	}
	fmt.Fprintf(tw, "Config:\t%s\n", s.ConfigFile)
	fmt.Fprintf(tw, "Error log:\t%s\n", s.ErrorLog)
	if len(s.Pending) > 0 {
		var b strings.Builder
		for i, p := range s.Pending {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %q -> %q", p.Key, p.Running, p.Configured)
		}
		fmt.Fprintf(tw, "Pending restart:\t%s\n", b.String())
	}
	return tw.Flush()
}
