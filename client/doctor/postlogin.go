package doctor

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"strconv"

	mssql "github.com/microsoft/go-mssqldb"

	"github.com/tsqld/tsqld/client"
)

// postLoginQueries are asked one by one, so that a server that lacks one
// property still reports the others.
var postLoginQueries = []struct{ key, query string }{
	{"version", "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))"},
	{"edition", "SELECT CAST(SERVERPROPERTY('Edition') AS nvarchar(128))"},
	{"collation", "SELECT CAST(SERVERPROPERTY('Collation') AS nvarchar(128))"},
	{"server_name", "SELECT @@SERVERNAME"},
	{"default_database", "SELECT DB_NAME()"},
	{"spid", "SELECT @@SPID"},
}

// dsn is the go-mssqldb URL for the address the probes reached.
func (p *prober) dsn() string {
	q := url.Values{}
	if p.o.Database != "" {
		q.Set("database", p.o.Database)
	}
	switch p.o.Encrypt {
	case client.EncryptMandatory:
		q.Set("encrypt", "true")
	case client.EncryptOptional:
		q.Set("encrypt", "false")
	case client.EncryptStrict:
		q.Set("encrypt", "strict")
	case client.EncryptDisable:
		q.Set("encrypt", "disable")
	}
	if p.o.TrustCert {
		q.Set("trustservercertificate", "true")
	}
	q.Set("app name", "tsqld doctor")
	q.Set("connection timeout", strconv.Itoa(int(p.o.Timeout.Seconds())))
	host := p.host
	if p.conn != nil && p.socket == "" {
		if h, _, err := net.SplitHostPort(p.conn.RemoteAddr().String()); err == nil {
			host = h
		}
	}
	u := url.URL{Scheme: "sqlserver", User: url.UserPassword(p.o.User, p.o.Password),
		Host: net.JoinHostPort(host, strconv.Itoa(p.port)), RawQuery: q.Encode()}
	return u.String()
}

// socketDialer sends go-mssqldb to the instance's Unix socket.
type socketDialer struct{ path string }

func (d socketDialer) DialContext(ctx context.Context, _, _ string) (net.Conn, error) {
	var nd net.Dialer
	return nd.DialContext(ctx, "unix", d.path)
}

// postLogin: layer 9, facts a normal session sees.
func (p *prober) postLogin(ctx context.Context) bool {
	connector, err := mssql.NewConnector(p.dsn())
	if err != nil {
		p.add(LayerPostLogin, Warning, err.Error())
		return true
	}
	if p.socket != "" {
		connector.Dialer = socketDialer{p.socket}
	}
	db := sql.OpenDB(connector)
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 2*p.o.Timeout)
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		p.add(LayerPostLogin, Warning, p.t("go-mssqldb could not log in: ", "go-mssqldb n'a pas pu se connecter : ")+err.Error())
		return true
	}
	defer conn.Close()
	var details []string
	var failed []string
	for _, q := range postLoginQueries {
		var v any
		if err := conn.QueryRowContext(ctx, q.query).Scan(&v); err != nil {
			failed = append(failed, q.key)
			continue
		}
		s := fmt.Sprint(v)
		if b, ok := v.([]byte); ok {
			s = string(b)
		}
		if v == nil || s == "" {
			failed = append(failed, q.key)
			continue
		}
		p.facts[q.key] = s
		details = append(details, q.key+": "+s)
	}
	st := OK
	sum := p.t("session facts", "faits de session")
	if len(failed) > 0 {
		st = Warning
		details = append(details, p.t("could not read: ", "illisible : ")+fmt.Sprint(failed))
	}
	p.add(LayerPostLogin, st, sum, details...)
	return true
}
