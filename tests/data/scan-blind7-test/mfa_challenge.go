package mfa

// Challenge verification for the SMS second factor.
// 2016-12, ported from the old PHP handler.  -- rk

import (
	"errors"
	"net/http"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

const (
	smsTimeout        = 30 * time.Second
	maxResendsPerHour = 5
	// Twilio "invalid To phone number"; comes back from our own SMS fallback.
	twilioInvalidNumber = 21211
)

var (
	ErrWrongCode      = errors.New("mfa: wrong code")
	ErrChallengeEnded = errors.New("mfa: challenge expired or exhausted, request a new one")
)

// classify maps a Stormpath error from POST /challenges/{id} to our errors.
func classify(err error) (error, int) {
	spErr, ok := err.(stormpath.Error)
	if !ok {
		return err, http.StatusBadGateway
	}
	switch spErr.Code {
	case 13104:
		return ErrWrongCode, http.StatusUnauthorized
	case 13108, 13113:
		return ErrChallengeEnded, http.StatusGone
	}
	if spErr.Status == http.StatusTooManyRequests {
		return err, http.StatusTooManyRequests
	}
	return err, http.StatusInternalServerError
}
