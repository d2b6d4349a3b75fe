// Package spauth authenticates patrons at the self-checkout kiosks (kioskd)
// against Stormpath. Each kiosk has its own Stormpath API key (one per
// machine, named like "kiosk-ptc-02"), rotated every 90 days.
package spauth

import (
	"fmt"
	"net/http"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

// Stormpath error codes kioskd reacts to.
const (
	CodeWrongPIN       = 7100
	CodeCardLocked     = 7103
	CodeCardNotFound   = 7104
	CodeBadAPIKey      = 10019
	CodeTokenExpired   = 10011
)

// Kiosk fault codes: shown on screen as "Fault 2101" and counted in the
// branch's nightly report. Our numbering (from the 2015 kiosk spec), not Stormpath's.
const (
	FaultRFIDReader   = 2101
	FaultReceiptPaper = 2102
	FaultNetwork      = 3100
	FaultSIP2         = 6100
)

const (
	sip2Port        = 6001
	metricsPort     = 9102
	sessionIdle     = 90 * time.Second
	stormpathTimout = 8 * time.Second
	maxPINAttempts  = 3
)

// Outcome is what the kiosk screen does next.
type Outcome int

const (
	OutcomeOK Outcome = iota
	OutcomeRetryPIN
	OutcomeSeeStaff
	OutcomeOutOfService
)

var httpClient = &http.Client{Timeout: stormpathTimout}

// Classify maps an error from the Stormpath SDK to a screen.
func Classify(err error, attempts int) (Outcome, int) {
	if err == nil {
		return OutcomeOK, 0
	}
	spErr, ok := err.(stormpath.Error)
	if !ok {
		return OutcomeOutOfService, FaultNetwork
	}

	switch spErr.Code {
	case CodeWrongPIN, CodeCardNotFound:
		if attempts+1 >= maxPINAttempts {
			return OutcomeSeeStaff, 0
		}
		return OutcomeRetryPIN, 0
	case CodeCardLocked:
		return OutcomeSeeStaff, 0
	case CodeBadAPIKey:
		// key was rotated on the server but not on this kiosk
		return OutcomeOutOfService, FaultNetwork
	case CodeTokenExpired:
		return OutcomeRetryPIN, 0
	}

	if spErr.Status >= http.StatusInternalServerError {
		return OutcomeOutOfService, FaultNetwork
	}
	return OutcomeSeeStaff, 0
}

// Describe is used in the kiosk log and the nightly report.
func Describe(err error) string {
	if spErr, ok := err.(stormpath.Error); ok {
		return fmt.Sprintf("stormpath %d/%d: %s", spErr.Status, spErr.Code, spErr.DeveloperMessage)
	}
	return err.Error()
}
