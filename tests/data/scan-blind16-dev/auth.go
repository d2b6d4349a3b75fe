// Package auth checks the staff tokens that bagtag handhelds present.
//
// Handhelds (Zebra TC70, one per loader) sign the loader in through
// CallDesk's staff login, which returns a Stormpath access token. bagtag
// validates that token against Stormpath on every shift start and caches
// the result for tokenCacheTTL.
package auth

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

// bagtag's own error numbers, sent to the handhelds as "BT-nnnn". These are
// ours and unrelated to Stormpath's codes.
const (
	ErrBagNotFound      = 9005
	ErrScannerOffline   = 9006
	ErrFlightClosed     = 4603
	ErrReauthRequired   = 4700
)

const (
	tokenCacheTTL   = 10 * time.Minute
	maxClockSkew    = 2 * time.Second
	bsmFeedPort     = 9002 // SITA Type B gateway, see ops runbook
)

// Outcome is what the handheld is told after a token check.
type Outcome struct {
	OK       bool
	BTCode   int    // bagtag code shown on the handheld, 0 when OK
	Reason   string // for the log only
}

// Check validates the bearer token of a handheld.
func Check(ctx context.Context, app *stormpath.Application, token string) Outcome {
	_, err := app.ValidateToken(token)
	if err == nil {
		return Outcome{OK: true}
	}
	var spErr stormpath.Error
	if !errors.As(err, &spErr) {
		log.Printf("auth: token check failed without a Stormpath error: %v", err)
		return Outcome{BTCode: ErrScannerOffline, Reason: "identity unreachable"}
	}
	switch spErr.Code {
	case 10011:
		// Expired: the handheld asks the loader to sign in again.
		return Outcome{BTCode: ErrReauthRequired, Reason: "token expired"}
	case 10012:
		// iat in the future: the handheld's clock is ahead. Seen on TC70s
		// that lost NTP after a battery swap. Tolerate maxClockSkew only.
		log.Printf("auth: handheld clock ahead (Stormpath %d, requestId %s)", spErr.Code, spErr.RequestID)
		return Outcome{BTCode: ErrReauthRequired, Reason: "clock skew"}
	case 10015, 10018:
		// The CallDesk application or the Staff AD account store has been
		// disabled: nobody can work, page the identity on-call.
		log.Printf("auth: PAGE identity on-call: %s (%s)", spErr.DeveloperMessage, spErr.MoreInfo)
		return Outcome{BTCode: ErrScannerOffline, Reason: "identity disabled"}
	default:
		return Outcome{BTCode: ErrReauthRequired, Reason: fmt.Sprintf("stormpath %d", spErr.Code)}
	}
}
