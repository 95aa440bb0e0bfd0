package server

import (
	"crypto/tls"
	"fmt"
	"strings"
	"time"

	"github.com/tsqld/tsqld/internal/version"
	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/tds"
)

// progName is LOGINACK's ProgName as SQL Server sends it (two trailing
// NULs included); SNAC fails on anything but "Microsoft SQL Server".
const progName = "Microsoft SQL Server\x00\x00"

func productVersion() tds.ProductVersion {
	return tds.ProductVersion{Major: version.Major, Minor: version.Minor, Build: version.Build, SubBuild: version.Sub}
}

// defaultCollation is what the login response announces (ENVCHANGE 7) and
// what character columns without an explicit collation carry.
var defaultCollation = tds.SQLLatin1GeneralCP1CIAS

// doLogin handles LOGIN7 and answers it; it reports success.
func (c *conn) doLogin(msg tds.Message) bool {
	if msg.Type != tds.PacketLogin7 {
		return false
	}
	var l tds.Login7
	if err := l.Decode(msg.Payload); err != nil {
		c.logConnError(17832, 2)
		return false
	}
	c.version = tds.Negotiate(l.TDSVersion, tds.Version74)
	c.login = l.UserName

	// The login response must fit the packet size the client asked for and
	// at most 4096 (go-mssqldb reads with a buffer of its requested size
	// until it sees ENVCHANGE 4).
	size := int(l.PacketSize)
	if size == 0 {
		size = tds.DefaultPacketSize // jTDS: "server decides"
	}
	size = max(tds.MinPacketSize, min(size, tds.MaxPacketSize))
	if c.encrypted && size > tds.MaxEncryptedPacketSize {
		size = tds.MaxEncryptedPacketSize
	}
	c.mw.SetPacketSize(min(size, tds.DefaultPacketSize))

	lang := msgs.ParseLangDefault(l.Language)
	if c.spid == 0 {
		e := msgs.NewIn(lang, 17809, 3, c.srv.cfg.MaxConnections, "")
		c.srv.cfg.ErrorLog.Error("Logon", 17809, 20, 3, msgs.NewIn(msgs.English, 17809, 3, c.srv.cfg.MaxConnections, fmt.Sprintf(" [CLIENT: %s]", c.clientIP)).Text)
		c.sendLoginFailure(e)
		return false
	}
	if c.srv.draining.Load() {
		c.srv.cfg.ErrorLog.Error("Logon", 17188, 16, 1, msgs.NewIn(msgs.English, 17188, 1, fmt.Sprintf(" [CLIENT: %s]", c.clientIP)).Text)
		c.sendLoginFailure(msgs.NewIn(lang, 17188, 1, ""))
		return false
	}
	if c.dac && !c.claimDAC(lang) {
		return false
	}
	if c.srv.paused.Load() {
		c.logPausedLogin(l.UserName)
		c.sendLoginFailure(msgs.NewIn(lang, 17142, 0))
		return false
	}
	if l.IntSecurity() || len(l.SSPI) > 0 {
		// Integrated security would need SSPI/Kerberos round trips.
		c.srv.cfg.ErrorLog.Error("Logon", 18452, 14, 1, msgs.NewIn(msgs.English, 18452, 1, fmt.Sprintf(" [CLIENT: %s]", c.clientIP)).Text)
		c.sendLoginFailure(msgs.NewIn(lang, 18452, 1, ""))
		return false
	}

	li, merr := c.srv.cfg.Backend.Authenticate(l.UserName, l.Password)
	if merr != nil {
		c.loginFailed(l.UserName, merr, nil)
		return false
	}
	if l.ChangePassword != "" {
		pc, ok := c.srv.cfg.Backend.(PasswordChanger)
		if !ok {
			merr = &msgs.Error{Number: 18456, Severity: 14, State: 1, Text: fmt.Sprintf("Login failed for user '%s'.", l.UserName)}
		} else {
			merr = pc.ChangePassword(li.Name, l.ChangePassword)
		}
		if merr != nil {
			c.loginFailed(l.UserName, merr, nil)
			return false
		}
	}
	if c.dac && !li.SysAdmin {
		// Only sysadmin members may use the DAC; the client sees the
		// usual 18456 state 1.
		c.loginFailed(l.UserName, msgs.NewIn(msgs.English, 18456, 1, l.UserName, "", ""), &l)
		return false
	}
	localIP, localPort := "", 0
	if c.transport == "TCP" {
		localIP, localPort = splitHostPort(c.nc.LocalAddr())
	}
	sess, merr := c.srv.cfg.Backend.NewSession(engine.SessionConfig{
		SPID:         c.spid,
		Login:        li,
		Database:     l.Database,
		Language:     l.Language,
		AppName:      l.AppName,
		HostName:     l.HostName,
		ClientPID:    l.ClientPID,
		ClientAddr:   c.clientIP,
		ClientLib:    l.CltIntName,
		ODBCDefaults: l.ODBC() || l.OLEDB(),
		PacketSize:   size,
		TDSVersion:   uint32(c.version),
		Encrypted:    c.encrypted,
		Transport:    c.transport,
		LocalAddr:    localIP,
		LocalPort:    localPort,
		ClientPort:   c.clientPort,
	})
	if merr != nil {
		c.loginFailed(l.UserName, merr, &l)
		return false
	}
	c.sess = sess

	b := c.mw.Buf[:0]
	db := sess.Database()
	b = tds.AppendEnvChangeString(b, tds.EnvDatabase, db, "master")
	slang := sess.Language()
	ml := msgs.ParseLangDefault(slang)
	m := msgs.NewIn(ml, 5701, 2, db)
	b = tds.AppendServerMessage(b, c.version, tds.TokenInfo, m.Number, m.State, m.Severity, m.Text, c.srv.cfg.ServerName, "", 1)
	b = tds.AppendEnvChangeCollation(b, defaultCollation)
	b = tds.AppendEnvChangeString(b, tds.EnvLanguage, slang, "")
	m = msgs.NewIn(ml, 5703, 1, slang)
	b = tds.AppendServerMessage(b, c.version, tds.TokenInfo, m.Number, m.State, m.Severity, m.Text, c.srv.cfg.ServerName, "", 1)
	pv := productVersion()
	ack := tds.LoginAck{Interface: tds.LoginAckSQLTSQL, TDSVersion: c.version, ProgName: progName,
		Major: pv.Major, Minor: pv.Minor, Build: pv.Build}
	b = ack.Encode(b)
	// FEATUREEXTACK: nothing is acknowledged. UTF8_SUPPORT would promise
	// UTF-8 collations; SESSIONRECOVERY, COLUMNENCRYPTION and
	// DATACLASSIFICATION change the token stream and are never acked.
	b = tds.AppendEnvChangePacketSize(b, size, size)
	b = tds.AppendDone(b, c.version, tds.TokenDone, tds.DoneFinal, 0, 0)
	// Registered before the client sees LOGINACK: a client may look
	// itself up (sys.dm_exec_sessions) as soon as it is logged in.
	now := time.Now()
	c.srv.reg.update(c.spid, func(si *SessionInfo) {
		si.Login = li.Name
		si.HostName = l.HostName
		si.ProgramName = l.AppName
		si.ClientInterface = l.CltIntName
		si.HostProcessID = l.ClientPID
		si.ClientAddr = c.clientIP
		si.ClientPort = c.clientPort
		si.LoginTime = now
		si.LastRequestStart = now
		si.LastRequestEnd = now
		si.Encrypted = c.encrypted
		si.Strict = c.strict
		if c.encrypted && c.tlsConn != nil {
			si.TLSVersion = tls.VersionName(c.tlsConn.ConnectionState().Version)
		}
		si.TDSVersion = uint32(c.version)
		si.PacketSize = size
		si.NetTransport = c.transport
	})
	c.mw.Buf = b
	if err := c.mw.EndMessage(); err != nil {
		return false
	}
	c.packetSize = size
	c.mw.SetPacketSize(size)
	c.w = newResp(c)

	return true
}

// loginFailed logs the real reason and sends the client what SQL Server
// sends: the engine's own error when it is not 18456 (4060 and friends),
// then 18456 state 1, DONE(ERROR).
func (c *conn) loginFailed(user string, e *msgs.Error, l *tds.Login7) {
	text := msgs.NewIn(msgs.English, 18456, 1, user, "", "").Text
	state := e.State
	reason := ""
	if e.Number == 18456 {
		if i := strings.Index(e.Text, "Reason:"); i >= 0 {
			reason = strings.TrimSpace(e.Text[i:])
		}
	} else {
		// 4060 is followed by 18456 with state 38 (the database the client
		// asked for) or 40 (the login's default database).
		c.srv.cfg.ErrorLog.Error("Logon", e.Number, e.Severity, e.State, e.Text)
		state = 40
		if l != nil && l.Database != "" {
			state = 38
		}
	}
	if reason == "" {
		reason = loginFailureReason(state, l)
	}
	logText := text
	if reason != "" {
		logText += " " + reason
	}
	logText += fmt.Sprintf(" [CLIENT: %s]", c.clientIP)
	c.srv.cfg.ErrorLog.Error("Logon", 18456, 14, state, logText)

	var errs []*msgs.Error
	if e.Number != 18456 {
		errs = append(errs, e)
	}
	lang := msgs.English
	if l != nil {
		lang = msgs.ParseLangDefault(l.Language)
	}
	errs = append(errs, msgs.NewIn(lang, 18456, 1, user, "", ""))
	c.sendLoginFailure(errs...)
}

// reasonMessages maps an 18456 state to the message holding its error-log
// "Reason:" sentence (sys.messages 18301–18357).
var reasonMessages = map[uint8]int32{
	2: 18301, 5: 18304, 6: 18305, 7: 18306, 8: 18307, 9: 18308, 11: 18310, 12: 18311,
	13: 18312, 18: 18317, 38: 18337, 46: 18337, 40: 18339, 58: 18357,
}

// loginFailureReason is the error log's "Reason:" sentence for a state
// (English: the error log is written in the server's language).
func loginFailureReason(state uint8, _ *tds.Login7) string {
	if n, ok := reasonMessages[state]; ok {
		return msgs.Text("us_english", n)
	}
	return ""
}

// sendLoginFailure sends ERROR tokens and DONE(ERROR); the caller closes.
func (c *conn) sendLoginFailure(errs ...*msgs.Error) {
	v := c.version
	if v == 0 {
		v = tds.Version74
	}
	b := c.mw.Buf[:0]
	for _, e := range errs {
		line := e.Line
		if line == 0 {
			line = 1
		}
		b = tds.AppendServerMessage(b, v, tds.TokenError, e.Number, e.State, e.Severity, e.Text, c.srv.cfg.ServerName, "", line)
	}
	b = tds.AppendDone(b, v, tds.TokenDone, tds.DoneError, 0, 0)
	c.mw.Buf = b
	c.mw.EndMessage()
}
