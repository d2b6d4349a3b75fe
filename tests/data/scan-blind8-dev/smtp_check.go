package mailcheck

import (
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"syscall"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

const (
	submissionPort = 587
	smtpsPort      = 465
	legacyPort     = 25
	dialTimeout    = 30 * time.Second
	maxBodyBytes   = 10240
)

// CheckTenantMailServer saves the tenant's custom SMTP server in Stormpath and
// classifies the failure so the admin UI can show something useful.
func CheckTenantMailServer(c *stormpath.Client, host string, port int) error {
	err := c.SaveEmailServer(host, port)
	if err == nil {
		return nil
	}
	var spErr stormpath.Error
	if errors.As(err, &spErr) {
		switch spErr.Code {
		case 13000, 13001, 13002: // Stormpath SMTP server errors: connect / auth / TLS
			return fmt.Errorf("stormpath could not use %s:%d: %s", host, port, spErr.DeveloperMessage)
		}
	}
	return err
}

// probe does our own check before we ever hand the server to Stormpath.
func probe(host string) error {
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(host, fmt.Sprint(submissionPort)), dialTimeout)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) { // errno 111
			return fmt.Errorf("port %d closed", submissionPort)
		}
		return err
	}
	defer conn.Close()
	cl, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	if err := cl.Auth(smtp.PlainAuth("", "probe", "probe", host)); err != nil {
		// 535 5.7.8 Authentication credentials invalid
		return fmt.Errorf("smtp auth: %w", err)
	}
	return cl.Quit()
}
