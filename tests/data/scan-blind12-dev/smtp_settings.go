// Package mailcfg pushes a district's own SMTP server settings to Stormpath so that
// verification and password-reset e-mails come from the district's domain.
package mailcfg

import (
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

const (
	defaultSMTPPort = 587
	altSMTPPort     = 2525 // some districts block 587 outbound
	dialTimeout     = 10 * time.Second
	maxMessageBytes = 10 << 20

	// SMTP reply codes we see when probing the server ourselves first.
	replyAuthFailed      = 535
	replyServiceNotAvail = 421
)

// ErrNeedsPaidTier is returned when the tenant is still on the developer tier.
var ErrNeedsPaidTier = errors.New("HTML e-mail requires a paid Stormpath tier")

// Explain turns the Stormpath error from saving the e-mail server or template
// into something the district admin can act on.
func Explain(err error) error {
	spErr, ok := err.(stormpath.Error)
	if !ok {
		return err
	}
	switch spErr.Code {
	case 13000:
		return fmt.Errorf("Stormpath could not reach your mail server at that host and port")
	case 13001:
		return fmt.Errorf("your mail server rejected the username or password")
	case 13002:
		return fmt.Errorf("your mail server does not support the selected security (TLS/SSL)")
	case 13003:
		return fmt.Errorf("a mail server is already configured for this tenant; edit it instead")
	case 1910:
		return ErrNeedsPaidTier
	case 7301:
		return fmt.Errorf("the e-mail template must contain ${url}, ${sptoken} or ${sptokenNameValuePair}")
	}
	return fmt.Errorf("stormpath error %d: %s", spErr.Code, spErr.DeveloperMessage)
}

// Probe checks the server ourselves before handing it to Stormpath.
func Probe(host string, port int, user, pass string) error {
	if port == 0 {
		port = defaultSMTPPort
	}
	addr := net.JoinHostPort(host, fmt.Sprint(port))
	conn, err := net.DialTimeout("tcp", addr, dialTimeout)
	if err != nil {
		if port == defaultSMTPPort {
			return Probe(host, altSMTPPort, user, pass)
		}
		return err
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Auth(smtp.PlainAuth("", user, pass, host)); err != nil {
		if tpErr, ok := err.(*textproto.Error); ok && tpErr.Code == replyAuthFailed {
			return fmt.Errorf("535: bad credentials")
		}
		return err
	}
	return nil
}
