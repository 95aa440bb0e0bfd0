package service

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// Exact ERRORLOG texts that tools grep for (connectivity.md §3.4, §1.4).
const (
	MsgReady = "SQL Server is now ready for client connections. This is an informational message; no user action is required."
	// Testcontainers modules sometimes wait for this one instead.
	MsgRecoveryComplete = "Recovery is complete. This is an informational message only. No user action is required."
	// 17144, 17146, 17148, 17147.
	MsgPaused     = "SQL Server is not allowing new connections because the Service Control Manager requested a pause. To resume the service, use SQL Computer Manager or the Services application in Control Panel."
	MsgContinued  = "SQL Server is allowing new connections in response to 'continue' request from Service Control Manager. This is an informational message only. No user action is required."
	MsgStopping   = "SQL Server is terminating in response to a 'stop' request from Service Control Manager. This is an informational message only. No user action is required."
	MsgSysShutdwn = "SQL Server is terminating because of a system shutdown. This is an informational message only. No user action is required."
	// 17183, 17184.
	MsgCycling       = "Attempting to cycle error log. This is an informational message only; no user action is required."
	MsgReinitialized = "The error log has been reinitialized. See the previous log for older entries."
	// 17142 (text sent and logged while paused).
	MsgServicePaused = "SQL Server service has been paused. No new connections will be allowed. To resume the service, use SQL Computer Manager or the Services application in Control Panel."
	// 17835.
	MsgEncryptionRequired = "Encryption is required to connect to this server but the client library does not support encryption; the connection has been closed. Please upgrade your client library."
	// 17187.
	MsgNotReady = "SQL Server is not ready to accept new client connections. Wait a few minutes before trying again. If you have access to the error log, look for the informational message that indicates that SQL Server is ready before trying to connect again."
	// 17199.
	MsgDACDisabled    = "Dedicated administrator connection support was not started because it is disabled on this edition of SQL Server. If you want to use a dedicated administrator connection, restart SQL Server using the trace flag 7806. This is an informational message only. No user action is required."
	MsgSelfSignedCert = "A self-generated certificate was successfully loaded for encryption."
	// Logged after the DAC listener's lines.
	MsgMaxDAC = "The maximum number of dedicated administrator connections for this instance is '1'"
	// 17826, 17120.
	MsgNetLibFailed = "Could not start the network library because of an internal error in the network library. To determine the cause, review the errors immediately preceding this one in the error log."
	MsgNoCommThread = "SQL Server could not spawn FRunCommunicationsManager thread. Check the SQL Server error log and the operating system error log for information about possible related problems."
)

// Listening logs what SQL Server logs for an open endpoint: "Server is
// listening on [ 'any' <ipv4> 1433].", the local-provider line, and the
// DAC line after a DAC listener.
func (l *ErrorLog) Listening(e Endpoint) {
	switch e.Protocol {
	case ProtoLocal:
		l.Logf(SourceServer, "Server local connection provider is ready to accept connection on [ %s ].", e.Address)
	case ProtoDAC:
		l.Logf(SourceServer, "Server is listening on %s.", e.logAddress())
		where := "locally"
		if !e.IsLoopback() {
			where = "remotely"
		}
		l.Logf(SourceServer, "Dedicated admin connection support was established for listening %s on port %d.", where, e.Port)
	default:
		l.Logf(SourceServer, "Server is listening on %s.", e.logAddress())
	}
}

// ListeningDAC logs the DAC's listeners as SQL Server does after the
// others: one "Server is listening" line per address, then once the
// 17201/17202 line (locally when every address is loopback) and the
// maximum number of DACs.
func (l *ErrorLog) ListeningDAC(eps []Endpoint) {
	if len(eps) == 0 {
		return
	}
	where := "locally"
	for _, e := range eps {
		l.Logf(SourceServer, "Server is listening on %s.", e.logAddress())
		if !e.IsLoopback() {
			where = "remotely"
		}
	}
	l.Logf(SourceServer, "Dedicated admin connection support was established for listening %s on port %d.", where, eps[0].Port)
	l.Log(SourceServer, MsgMaxDAC)
}

// winsock maps a listen error to the Winsock code and text SQL Server
// prints (0x2740 "Only one usage of each socket address …").
func winsock(err error) (code int, text string) {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch errno {
		case syscall.EADDRINUSE:
			return 0x2740, "Only one usage of each socket address (protocol/network address/port) is normally permitted."
		case syscall.EADDRNOTAVAIL:
			return 0x2741, "The requested address is not valid in its context."
		case syscall.EACCES, syscall.EPERM:
			return 0x271D, "An attempt was made to access a socket in a way forbidden by its access permissions."
		}
		return int(errno), errno.Error()
	}
	if errors.Is(err, os.ErrPermission) {
		return 0x271D, "An attempt was made to access a socket in a way forbidden by its access permissions."
	}
	return 0x1, err.Error()
}

// ListenFailed logs the startup failure sequence of a listener that could
// not open (port in use …): 26024, 17182 ×2, 17826, 17120.
func (l *ErrorLog) ListenFailed(e Endpoint, err error) {
	code, text := winsock(err)
	status, reason := 0xa, "Unable to initialize the TCP/IP listener."
	where := e.logAddress()
	where = where[2 : len(where)-1] // without the brackets
	first := fmt.Sprintf("Server failed to listen on %s. Error: %#x. To proceed, notify your system administrator.", where, code)
	if e.Protocol == ProtoLocal {
		status, reason = 0x2c, "Unable to initialize the local connection provider listener."
		first = fmt.Sprintf("Server local connection provider failed to listen on [ %s ]. Error: %#x", e.Address, code)
	}
	l.LogLines(SourceServer,
		"Error: 26024, Severity: 16, State: 1.", first,
		"Error: 17182, Severity: 16, State: 1.",
		fmt.Sprintf("TDSSNIClient initialization failed with error %#x, status code %#x. Reason: %s %s ", code, status, reason, text),
		"Error: 17182, Severity: 16, State: 1.",
		fmt.Sprintf("TDSSNIClient initialization failed with error %#x, status code 0x1. Reason: Initialization failed with an infrastructure error. Check for previous errors. %s ", code, text),
		"Error: 17826, Severity: 18, State: 3.", MsgNetLibFailed,
		"Error: 17120, Severity: 16, State: 1.", MsgNoCommThread)
}

// NoProtocols logs SQL Server's failure when every protocol is disabled.
func (l *ErrorLog) NoProtocols() {
	l.LogLines(SourceServer,
		"Error: 17182, Severity: 16, State: 1.",
		"TDSSNIClient initialization failed with error 0xd, status code 0x4. Reason: All protocols are disabled. The data is invalid. ",
		"Error: 17182, Severity: 16, State: 1.",
		"TDSSNIClient initialization failed with error 0xd, status code 0x1. Reason: Initialization failed with an infrastructure error. Check for previous errors. The data is invalid. ",
		"Error: 17826, Severity: 18, State: 3.", MsgNetLibFailed,
		"Error: 17120, Severity: 16, State: 1.", MsgNoCommThread)
}
