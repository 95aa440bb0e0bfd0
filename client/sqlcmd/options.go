package sqlcmd

import (
	"fmt"
	"strconv"
	"strings"
)

// Options are sqlcmd's command-line switches.
type Options struct {
	Server, User, Password, Database string
	// PasswordSet distinguishes -P "" from no -P.
	PasswordSet bool
	// Query is -q (run, then stay interactive) or -Q (run, then exit).
	Query     string
	QueryExit bool
	Inputs    []string // -i (several files, run in order)
	Output    string   // -o
	ExitOnErr bool     // -b
	// Severity is -V: with -b, errors below it do not stop the script.
	Severity int
	Format   FormatOptions
	Echo     bool // -e
	// Encrypt is -N's value ("" = not given: login-only encryption);
	// TrustCert is -C.
	Encrypt      string
	TrustCert    bool
	LoginTimeout int // -l seconds (default 8)
	QueryTimeout int // -t seconds (0 = none)
	Vars         [][2]string
	DAC          bool // -A
	List         bool // -L
	ListClean    bool // -L c
	Help         bool // -?
	PacketSize   int  // -a
	Workstation  string
	// BatchTerminator is -c (default GO).
	BatchTerminator string
	// DisableCommands is -X: ! and :r, :out… are refused.
	DisableCommands bool
}

// UsageError is a bad command line; sqlcmd prints it and exits 1.
type UsageError struct{ Text string }

func (e *UsageError) Error() string { return e.Text }

func usageErr(format string, a ...any) error {
	return &UsageError{Text: fmt.Sprintf(format, a...)}
}

// valued flags take an argument (attached "-Sx" or separate "-S x").
const valuedFlags = "SUPdQqioshwyYmVltvacHfzZ"

// ParseArgs reads sqlcmd's single-dash switches.
func ParseArgs(args []string, getenv func(string) string) (*Options, error) {
	o := &Options{Format: DefaultFormat(), LoginTimeout: 8, BatchTerminator: "GO"}
	o.Server = getenv("SQLCMDSERVER")
	o.User = getenv("SQLCMDUSER")
	o.Database = getenv("SQLCMDDBNAME")
	if p, ok := lookupEnv(getenv, "SQLCMDPASSWORD"); ok {
		o.Password, o.PasswordSet = p, true
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--help" || a == "-?" || a == "/?" {
			o.Help = true
			continue
		}
		if len(a) < 2 || (a[0] != '-' && a[0] != '/') {
			return nil, usageErr("Sqlcmd: '%s': Unexpected argument. Enter '-?' for help.", a)
		}
		flag := a[1]
		val := a[2:]
		next := func() (string, error) {
			if val != "" {
				return val, nil
			}
			if i+1 >= len(args) {
				return "", usageErr("Sqlcmd: '-%c': Missing argument. Enter '-?' for help.", flag)
			}
			i++
			return args[i], nil
		}
		// optional reads an optional value: attached, or the next argument
		// when ok accepts it.
		optional := func(ok func(string) bool) string {
			if val != "" {
				return val
			}
			if i+1 < len(args) && ok(args[i+1]) {
				i++
				return args[i]
			}
			return ""
		}
		var v string
		var err error
		if strings.IndexByte(valuedFlags, flag) >= 0 {
			if v, err = next(); err != nil {
				return nil, err
			}
		}
		num := func() (int, error) {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return 0, usageErr("Sqlcmd: '-%c %s': Unexpected argument. Argument value has to be an integer.", flag, v)
			}
			return n, nil
		}
		switch flag {
		case 'S':
			o.Server = v
		case 'U':
			o.User = v
		case 'P':
			o.Password, o.PasswordSet = v, true
		case 'd':
			o.Database = v
		case 'Q':
			o.Query, o.QueryExit = v, true
		case 'q':
			o.Query = v
		case 'i':
			o.Inputs = append(o.Inputs, splitList(v)...)
			for i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				i++
				o.Inputs = append(o.Inputs, splitList(args[i])...)
			}
		case 'o':
			o.Output = v
		case 'b':
			o.ExitOnErr = true
		case 'V':
			if o.Severity, err = num(); err != nil {
				return nil, err
			}
		case 'm':
			if o.Format.ErrorLevel, err = num(); err != nil {
				return nil, err
			}
		case 'h':
			n, err := num()
			if err != nil {
				return nil, err
			}
			if n < -1 {
				return nil, usageErr("Sqlcmd: '-h %s': value must be greater than or equal to -1 and less than or equal to 2147483647.", v)
			}
			o.Format.Headers = n
		case 's':
			if v == "" {
				return nil, usageErr("Sqlcmd: '-s': Missing argument. Enter '-?' for help.")
			}
			o.Format.ColSep = v[:1]
		case 'W':
			o.Format.TrimSpaces = true
		case 'w':
			n, err := num()
			if err != nil {
				return nil, err
			}
			if n < 9 || n > 65535 {
				return nil, usageErr("Sqlcmd: '-w %s': value must be greater than 8 and less than 65536.", v)
			}
			o.Format.ScreenWidth = n
		case 'y':
			if o.Format.Widths.MaxVar, err = num(); err != nil {
				return nil, err
			}
		case 'Y':
			if o.Format.Widths.MaxFixed, err = num(); err != nil {
				return nil, err
			}
		case 'r':
			switch optional(func(s string) bool { return s == "0" || s == "1" }) {
			case "", "0":
				o.Format.Redirect = 0
			case "1":
				o.Format.Redirect = 1
			default:
				return nil, usageErr("Sqlcmd: '-r %s': Unexpected argument. Argument value has to be one of [0, 1].", val)
			}
		case 'e':
			o.Echo = true
		case 'k':
			switch optional(func(s string) bool { return s == "1" || s == "2" }) {
			case "", "1":
				o.Format.Control = ControlReplace
			case "2":
				o.Format.Control = ControlCollapse
			default:
				return nil, usageErr("Sqlcmd: '-k %s': Unexpected argument. Argument value has to be one of [1, 2].", val)
			}
		case 'C':
			o.TrustCert = true
		case 'N':
			m := optional(func(s string) bool { _, ok := encryptValue(s); return ok })
			if m == "" {
				m = "m"
			}
			ev, ok := encryptValue(m)
			if !ok {
				return nil, usageErr("Sqlcmd: '-N %s': Unexpected argument. Argument value has to be one of [s[trict], m[andatory], o[ptional], true, false, disable].", m)
			}
			o.Encrypt = ev
		case 'l':
			if o.LoginTimeout, err = num(); err != nil {
				return nil, err
			}
		case 't':
			if o.QueryTimeout, err = num(); err != nil {
				return nil, err
			}
		case 'v':
			vals := []string{v}
			for i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && strings.Contains(args[i+1], "=") {
				i++
				vals = append(vals, args[i])
			}
			for _, kv := range vals {
				k, val, ok := strings.Cut(kv, "=")
				k = strings.TrimSpace(k)
				if !ok || !validVarName(k) {
					return nil, usageErr("Sqlcmd: '-v %s': Invalid variable identifier or value.", kv)
				}
				o.Vars = append(o.Vars, [2]string{k, unquote(val)})
			}
		case 'A':
			o.DAC = true
		case 'L':
			o.List = true
			if optional(func(s string) bool { return s == "c" }) == "c" {
				o.ListClean = true
			}
		case 'a':
			if o.PacketSize, err = num(); err != nil {
				return nil, err
			}
		case 'H':
			o.Workstation = v
		case 'c':
			o.BatchTerminator = v
		case 'X':
			o.DisableCommands = true
		case 'E':
			return nil, usageErr("Sqlcmd: '-E': trusted connections (Windows authentication) are not supported; use -U and -P.")
		case 'f', 'z', 'Z', 'I', 'x', 'u', 'j', 'p', 'R', 'M', 'K', 'G', 'g':
			// Accepted for compatibility; they change nothing here.
		default:
			return nil, usageErr("Sqlcmd: '-%c': Unknown Option. Enter '-?' for help.", flag)
		}
	}
	if o.Query != "" && len(o.Inputs) > 0 {
		return nil, usageErr("Sqlcmd: The -Q and the -i options are mutually exclusive.")
	}
	return o, nil
}

func lookupEnv(getenv func(string) string, k string) (string, bool) {
	v := getenv(k)
	return v, v != ""
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

// encryptValue maps -N's values to go-mssqldb's encrypt parameter.
func encryptValue(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "m", "mandatory", "true", "yes":
		return "true", true
	case "o", "optional", "false", "no":
		return "false", true
	case "s", "strict":
		return "strict", true
	case "disable":
		return "disable", true
	}
	return "", false
}

// Usage is sqlcmd -?.
const Usage = `usage: tsqld sql [-U login id] [-P password]
  [-S server] [-H hostname] [-E trusted connection (not supported)]
  [-N Encrypt Connection [s|m|o|disable]] [-C Trust Server Certificate]
  [-d use database name] [-l login timeout] [-t query timeout]
  [-h headers] [-s colseparator] [-w screen width]
  [-a packetsize] [-e echo input] [-I Enable Quoted Identifiers]
  [-c cmdend] [-L[c] list servers[clean output]]
  [-q "cmdline query"] [-Q "cmdline query" and exit]
  [-m errorlevel] [-V severitylevel] [-W remove trailing spaces]
  [-u unicode output] [-r[0|1] msgs to stderr]
  [-i inputfile] [-o outputfile]
  [-k[1|2] remove[replace] control characters]
  [-y variable length type display width]
  [-Y fixed length type display width]
  [-b On error batch abort] [-v var = "value"...] [-A dedicated admin connection]
  [-X[1] disable commands, startup script, environment variables [and exit]]
  [-x disable variable substitution] [-? show syntax summary]

Environment: SQLCMDSERVER, SQLCMDUSER, SQLCMDPASSWORD, SQLCMDDBNAME.
A bare -S name is first looked up in the client aliases (tsqld config alias; file $TSQLD_ALIASES).
Commands: GO [count], :r file, :setvar name ["value"], $(name), :on error [exit|ignore],
  :connect server [-l timeout] [-U user [-P password]], :out file|stdout|stderr,
  :error file|stdout|stderr, :listvar, :reset, :quit, :exit[(query)], !! command.
`
