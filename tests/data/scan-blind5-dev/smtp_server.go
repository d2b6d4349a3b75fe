package tenantcfg

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

// Stormpath's answers when we register the tenant's custom SMTP server.
const (
	ErrSMTPConnect      = 13000
	ErrSMTPAuth         = 13001
	ErrSMTPProtocol     = 13002
	ErrSMTPAlreadyThere = 13003
)

var smtpPorts = []int{25, 465, 587, 2525}

type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string
	Security string // NONE, SSL, TLS
}

// preflight checks the server is reachable from here before we hand it to Stormpath.
func preflight(cfg SMTPConfig) error {
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return fmt.Errorf("cannot reach %s: %w", addr, err)
	}
	return conn.Close()
}

func Register(tenant *stormpath.Tenant, cfg SMTPConfig) error {
	if err := preflight(cfg); err != nil {
		return err
	}
	err := tenant.CreateEmailServer(cfg.Host, cfg.Port, cfg.Username, cfg.Password, cfg.Security)
	if err == nil {
		return nil
	}
	var spErr stormpath.Error
	if !errors.As(err, &spErr) {
		return err
	}
	switch spErr.Code {
	case ErrSMTPConnect:
		return fmt.Errorf("stormpath could not connect to %s:%d (try one of %v)", cfg.Host, cfg.Port, smtpPorts)
	case ErrSMTPAuth, ErrSMTPProtocol:
		return fmt.Errorf("smtp credentials or security (%s) rejected: %s", cfg.Security, spErr.DeveloperMessage)
	case ErrSMTPAlreadyThere:
		return nil // idempotent
	}
	if spErr.Status == http.StatusConflict {
		return nil
	}
	return fmt.Errorf("stormpath %d/%d: %s", spErr.Status, spErr.Code, spErr.Message)
}
