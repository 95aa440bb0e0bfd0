package doctor

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/tsqld/tsqld/client"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Usage is `tsqld doctor --help`.
const Usage = `usage: tsqld doctor [SERVER | "connection string"] [-U login] [-P password] [-d database]
                    [-N s|m|o|disable] [-C] [--json] [--lang en|fr] [--timeout seconds]
       tsqld doctor --explain CODE      decode an error number (10061, 0x274D, -2 …)

SERVER uses sqlcmd's grammar: host, host,port, host\instance, tcp:/np:/lpc:/admin: prefixes.
A bare SERVER name is first looked up in the client aliases (tsqld config alias; $TSQLD_ALIASES).
The password may also come from SQLCMDPASSWORD. Exit code 0 only when a login succeeded.
`

// Env supplies the environment to RunEnv.
type Env struct {
	Getenv func(string) string
	Home   string
	// Stdin is where a password is asked for when -U comes without -P
	// (only when it is a terminal).
	Stdin *os.File
}

// Run is `tsqld doctor`.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return RunEnv(ctx, args, stdout, stderr, Env{Stdin: os.Stdin})
}

// LangFromEnv is French when LC_ALL, LC_MESSAGES or LANG says so.
func LangFromEnv(getenv func(string) string) msgs.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return msgs.French
			}
			return msgs.English
		}
	}
	return msgs.English
}

// RunEnv is Run with an explicit environment.
func RunEnv(ctx context.Context, args []string, stdout, stderr io.Writer, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	o := Options{Lang: LangFromEnv(env.Getenv), Home: env.Home, AliasFile: client.AliasPath(env.Getenv)}
	asJSON := false
	explain := ""
	var targets []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func() (string, bool) {
			if k, v, ok := strings.Cut(a, "="); ok && strings.HasPrefix(k, "--") {
				return v, true
			}
			if len(a) > 2 && a[0] == '-' && a[1] != '-' {
				return a[2:], true
			}
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		name := a
		if k, _, ok := strings.Cut(a, "="); ok && strings.HasPrefix(a, "--") {
			name = k
		} else if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name = a[:2]
		}
		switch name {
		case "-?", "-h", "--help":
			io.WriteString(stdout, Usage)
			return 0
		case "--json":
			asJSON = true
		case "-C":
			o.TrustCert = true
		case "-S", "-U", "-P", "-d", "-N", "--lang", "--timeout", "--explain", "--home":
			v, ok := val()
			if !ok {
				fmt.Fprintf(stderr, "tsqld doctor: %s needs a value\n", name)
				return 2
			}
			switch name {
			case "-S":
				targets = append(targets, v)
			case "-U":
				o.User = v
			case "-P":
				o.Password = v
			case "-d":
				o.Database = v
			case "-N":
				if long, short := map[string]string{"m": "mandatory", "o": "optional", "s": "strict"}[strings.ToLower(v)]; short {
					v = long
				}
				m, ok := client.ParseEncrypt(v)
				if !ok {
					fmt.Fprintf(stderr, "tsqld doctor: -N %s: expected s, m, o or disable\n", v)
					return 2
				}
				o.Encrypt = m
			case "--lang":
				o.Lang = msgs.ParseLangDefault(v)
			case "--timeout":
				n, err := strconv.ParseFloat(v, 64)
				if err != nil || n <= 0 {
					fmt.Fprintf(stderr, "tsqld doctor: --timeout %s: expected seconds\n", v)
					return 2
				}
				o.Timeout = time.Duration(n * float64(time.Second))
			case "--explain":
				explain = v
			case "--home":
				o.Home = v
			}
		default:
			if strings.HasPrefix(a, "-") && len(a) > 1 {
				fmt.Fprintf(stderr, "tsqld doctor: unknown option %s\n%s", a, Usage)
				return 2
			}
			targets = append(targets, a)
		}
	}
	if explain != "" {
		return explainCode(explain, o.Lang, stdout, stderr)
	}
	if len(targets) > 1 {
		fmt.Fprintf(stderr, "tsqld doctor: one target expected, got %q\n", targets)
		return 2
	}
	if len(targets) == 1 {
		o.Target = targets[0]
	} else if s := env.Getenv("SQLCMDSERVER"); s != "" {
		o.Target = s
	} else {
		o.Target = "localhost"
	}
	if o.User == "" {
		o.User = env.Getenv("SQLCMDUSER")
	}
	passwordSet := false
	for _, a := range args {
		passwordSet = passwordSet || strings.HasPrefix(a, "-P")
	}
	if !passwordSet && o.Password == "" {
		o.Password = env.Getenv("SQLCMDPASSWORD")
		if o.Password == "" && o.User != "" && env.Stdin != nil && term.IsTerminal(int(env.Stdin.Fd())) &&
			!strings.Contains(o.Target, "=") && !strings.Contains(o.Target, "://") {
			io.WriteString(stderr, "Password: ")
			b, err := term.ReadPassword(int(env.Stdin.Fd()))
			io.WriteString(stderr, "\n")
			if err != nil {
				return 2
			}
			o.Password = string(b)
		}
	}
	r := Diagnose(ctx, o)
	if asJSON {
		stdout.Write(r.JSON())
	} else {
		r.WriteText(stdout)
	}
	return r.ExitCode()
}

func explainCode(code string, lang msgs.Lang, stdout, stderr io.Writer) int {
	n, ok := client.ParseNativeCode(code)
	if !ok {
		fmt.Fprintf(stderr, "tsqld doctor: %s is not an error number\n", code)
		return 2
	}
	e, ok := client.Explain(n, lang)
	if !ok {
		fmt.Fprintf(stderr, "tsqld doctor: %d is not a known error\n", n)
		return 1
	}
	fmt.Fprintf(stdout, "%d", e.Number)
	if e.Symbol != "" {
		fmt.Fprintf(stdout, " (%s)", e.Symbol)
	}
	fmt.Fprintln(stdout)
	if e.OSText != "" {
		fmt.Fprintln(stdout, "  "+e.OSText)
	}
	if e.HasDoc {
		if t := e.Doc.Text(lang); t != "" {
			fmt.Fprintln(stdout, "  "+t)
		}
		if t := e.Doc.Explain(lang); t != "" {
			fmt.Fprintf(stdout, "  %s %s\n", tr(lang, "Explanation:", "Explication :"), t)
		}
		if t := e.Doc.Action(lang); t != "" {
			fmt.Fprintf(stdout, "  %s %s\n", tr(lang, "User action:", "Action de l'utilisateur :"), t)
		}
	}
	return 0
}
