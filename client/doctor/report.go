package doctor

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Status is a layer's outcome.
type Status string

const (
	OK      Status = "ok"
	Failed  Status = "failed"
	Skipped Status = "skipped"
	// Warning: the layer passed but something a stricter client would
	// refuse was seen (an untrusted certificate under login-only TLS …).
	Warning Status = "warning"
)

// Layer names, in probe order.
const (
	LayerParse     = "parse"
	LayerInstance  = "instance"
	LayerResolve   = "resolve"
	LayerBrowser   = "browser"
	LayerTCP       = "tcp"
	LayerPrelogin  = "prelogin"
	LayerTLS       = "tls"
	LayerLogin     = "login"
	LayerPostLogin = "post-login"
)

// Layer is one probe's result.
type Layer struct {
	Name    string   `json:"layer"`
	Status  Status   `json:"status"`
	Summary string   `json:"summary"`
	Details []string `json:"details,omitempty"`
	// Millis is the probe's duration when it measured one (latency).
	Millis float64 `json:"ms,omitempty"`
}

// Cause is one ranked explanation of a failure with its fix.
type Cause struct {
	ID   string `json:"id"`
	Text string `json:"cause"`
	Fix  string `json:"fix"`
}

// Failure is what the first failing layer means for a user.
type Failure struct {
	Layer string `json:"layer"`
	// Number is what the client reports (10061, 26, 18456 …).
	Number int32 `json:"number"`
	// ClientError is the error a normal client (SqlClient) would show.
	ClientError string `json:"client_error"`
	// Sqlcmd are the lines the classic sqlcmd would print.
	Sqlcmd []string `json:"sqlcmd,omitempty"`
	Causes []Cause  `json:"causes"`
}

// LocalInstance is what the doctor read about a tsqld instance on this
// host that the target points at.
type LocalInstance struct {
	Instance  string   `json:"instance"`
	State     string   `json:"state"`
	Endpoints []string `json:"endpoints,omitempty"`
	// ConfiguredPort and TCPEnabled come from mssql.conf.
	ConfiguredPort int  `json:"configured_port"`
	TCPEnabled     bool `json:"tcp_enabled"`
	ForceEncrypt   bool `json:"force_encryption"`
	// Hidden is network.hideinstance: the Browser does not advertise it.
	Hidden      bool     `json:"hidden,omitempty"`
	ErrorLog    string   `json:"errorlog,omitempty"`
	LogEvidence []string `json:"log_evidence,omitempty"`
	// LoginState and LoginReason are the last logged 18456 state and its
	// Reason sentence.
	LoginState  int    `json:"login_state,omitempty"`
	LoginReason string `json:"login_reason,omitempty"`
	// MatchedBy says how the target was matched ("port", "instance").
	MatchedBy string `json:"matched_by"`
}

// Report is the whole diagnosis.
type Report struct {
	Target     string         `json:"target"`
	Normalized string         `json:"normalized,omitempty"`
	Layers     []Layer        `json:"layers"`
	Failure    *Failure       `json:"failure,omitempty"`
	Local      *LocalInstance `json:"local_instance,omitempty"`
	// Facts are post-login facts (version, edition, collation …).
	Facts   map[string]string `json:"facts,omitempty"`
	Success bool              `json:"login_succeeded"`
	lang    msgs.Lang
}

// Layer returns the named layer's result, or nil.
func (r *Report) Layer(name string) *Layer {
	for i := range r.Layers {
		if r.Layers[i].Name == name {
			return &r.Layers[i]
		}
	}
	return nil
}

// FailedLayer is the first failing layer's name ("" when none failed).
func (r *Report) FailedLayer() string {
	for _, l := range r.Layers {
		if l.Status == Failed {
			return l.Name
		}
	}
	return ""
}

// ExitCode is 0 only when a login succeeded.
func (r *Report) ExitCode() int {
	if r.Success {
		return 0
	}
	return 1
}

// JSON renders the report as indented JSON.
func (r *Report) JSON() []byte {
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}

func mark(s Status) string {
	switch s {
	case OK:
		return "✓"
	case Failed:
		return "✗"
	case Warning:
		return "!"
	}
	return "-"
}

// WriteText renders the report for people.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	l := r.lang
	fmt.Fprintf(&b, "tsqld doctor: %s", r.Target)
	if r.Normalized != "" && r.Normalized != r.Target {
		fmt.Fprintf(&b, " (%s)", r.Normalized)
	}
	b.WriteString("\n\n")
	for _, ly := range r.Layers {
		summary := ly.Summary
		if ly.Status == Skipped {
			summary = tr(l, "skipped: ", "ignoré : ") + summary
		}
		if ly.Millis > 0 {
			summary += fmt.Sprintf(" (%.1f ms)", ly.Millis)
		}
		fmt.Fprintf(&b, "%s %-11s %s\n", mark(ly.Status), ly.Name, summary)
		for _, d := range ly.Details {
			fmt.Fprintf(&b, "  %-11s   %s\n", "", d)
		}
	}
	if f := r.Failure; f != nil {
		b.WriteString("\n")
		fmt.Fprintf(&b, "%s (%d)%s\n", tr(l, "Error a client would show", "Erreur qu'afficherait un client"), f.Number, colon(l))
		for _, line := range strings.Split(f.ClientError, "\n") {
			fmt.Fprintf(&b, "  %s\n", line)
		}
		if len(f.Sqlcmd) > 0 {
			fmt.Fprintf(&b, "%s%s\n", tr(l, "sqlcmd prints", "sqlcmd affiche"), colon(l))
			for _, line := range f.Sqlcmd {
				fmt.Fprintf(&b, "  %s\n", line)
			}
		}
		if len(f.Causes) > 0 {
			fmt.Fprintf(&b, "\n%s%s\n", tr(l, "Most likely causes", "Causes les plus probables"), colon(l))
			for i, c := range f.Causes {
				fmt.Fprintf(&b, "  %d. %s\n", i+1, c.Text)
				if c.Fix != "" {
					for j, fl := range strings.Split(c.Fix, "\n") {
						if j == 0 {
							fmt.Fprintf(&b, "     %s %s\n", tr(l, "Fix:", "Correction :"), fl)
						} else {
							fmt.Fprintf(&b, "     %s\n", fl)
						}
					}
				}
			}
		}
	}
	if lo := r.Local; lo != nil && len(lo.LogEvidence) > 0 {
		fmt.Fprintf(&b, "\n%s %s (%s)%s\n", tr(l, "Error log of", "Journal des erreurs de"), lo.Instance, lo.ErrorLog, colon(l))
		for _, e := range lo.LogEvidence {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	if r.Success {
		fmt.Fprintf(&b, "\n%s\n", tr(l, "Login succeeded.", "Connexion réussie."))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// colon is ":" in English and " :" in French typography.
func colon(l msgs.Lang) string { return tr(l, ":", " :") }

// tr picks the English or French form.
func tr(l msgs.Lang, en, fr string) string {
	if l == msgs.French {
		return fr
	}
	return en
}
