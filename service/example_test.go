package service_test

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/tsqld/tsqld/service"
)

// engineInstance stands for embed's server, which implements
// service.Instance in the real wiring.
type engineInstance struct{ service.Instance }

// Example_serve is the shape of `tsqld serve --instance N`: open the
// instance (lock, mssql.conf, container environment, error log), build the
// engine from its settings, and run until a stop control or a signal.
func Example_serve() {
	svc, err := service.Open(service.Options{Instance: "MSSQLSERVER", Console: os.Stdout})
	if err != nil {
		fmt.Fprintln(os.Stderr, err) // e.g. the sa password policy refusal
		os.Exit(1)
	}
	if fs := svc.FirstStart(); fs != nil && fs.Generated {
		fmt.Printf("The sa password is %s\n", fs.SAPassword)
	}
	net := svc.Network()    // TCPAddrs(), DACAddrs(), LocalSocket, TLS …
	_ = svc.ErrorLog()      // the server writes login and encryption events through it
	_ = svc.Paths().DataDir // engine.Config.DataDir
	_ = svc.Config().Get("sqlserver.collation")
	_ = net
	var inst service.Instance = engineInstance{} // embed.New(...) in cmd/tsqld
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := svc.Run(ctx, inst); err != nil {
		os.Exit(1)
	}
}

// Example_control is what start/status/pause/continue/stop do.
func Example_control() {
	home := service.DefaultHome()
	st, err := service.Start(context.Background(), service.StartOptions{Home: home, Instance: "SQLEXPRESS"})
	if err != nil {
		fmt.Println(err) // *StartError with the error-log lines
		return
	}
	st.WriteText(os.Stdout)
	service.Pause(home, "SQLEXPRESS")
	service.Continue(home, "SQLEXPRESS")
	service.Stop(context.Background(), home, "SQLEXPRESS", false)
}
