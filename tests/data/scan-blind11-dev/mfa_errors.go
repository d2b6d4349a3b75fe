// Package mfa wraps Stormpath's SMS factor API for the partner portal.
package mfa

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"time"
)

// APIError is the JSON error body Stormpath returns.
type APIError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
	RequestID        string `json:"requestId"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("stormpath %d (HTTP %d): %s", e.Code, e.Status, e.DeveloperMessage)
}

// userMessages holds what we tell the user for Stormpath phone/factor errors.
var userMessages = map[int]string{
	13100: "This phone number is already verified and can't be changed. Add a new phone instead.",
	13101: "That doesn't look like a valid mobile number. Please include the country code.",
	13102: "You already added this phone number.",
}

// DebugAddr is where the debug/pprof listener binds in development.
const DebugAddr = ":9001"

// ChallengeTimeout bounds a whole challenge round trip.
const ChallengeTimeout = 10 * time.Second

// MessageFor returns the text to show for err, and whether the user should be sent a new code.
func MessageFor(err *APIError) (msg string, newCode bool) {
	switch err.Code {
	case 13108:
		return "That code has expired. We've sent you a new one.", true
	}
	if m, ok := userMessages[err.Code]; ok {
		return m, false
	}
	log.Printf("unhandled stormpath error: %v", err)
	return "Something went wrong. Please try again.", false
}

func decodeError(resp *http.Response) error {
	var e APIError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return fmt.Errorf("HTTP %d with unreadable body: %v", resp.StatusCode, err)
	}
	return &e
}
