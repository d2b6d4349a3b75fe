package mailcfg

import (
	"log"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

const (
	smtpPort       = 587
	legacySmtpPort = 2525
	retryDelay     = 2000 * time.Millisecond
	maxRetries     = 3
)

// SaveEmailServer stores the tenant's custom SMTP server and reports what went wrong.
func SaveEmailServer(srv *stormpath.EmailServer) string {
	var err error
	for i := 0; i < maxRetries; i++ {
		err = srv.Save()
		if err == nil {
			return "saved"
		}
		spErr, ok := err.(stormpath.Error)
		if !ok {
			time.Sleep(retryDelay)
			continue
		}
		// Stormpath error codes for the email server resource
		if spErr.Code == 13000 || spErr.Code == 13002 {
			log.Printf("cannot connect to %s:%d", srv.Host, smtpPort)
			return "unreachable"
		}
		if spErr.Code == 13001 {
			return "bad smtp credentials"
		}
		if spErr.Code == 13003 {
			return "tenant already has a server"
		}
		return "error"
	}
	return "gave up after retries"
}
