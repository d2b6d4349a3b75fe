// Package auth validates member app access tokens at the club door.
//
// gate-service/internal/auth/stormpath_token.go
//
// The member app shows a QR code that carries the member's Stormpath access
// token; the turnstile controller posts it here and we ask Stormpath to
// validate it (GET /v1/accessTokens/:id after local JWT checks).
package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

const (
	listenAddr     = ":8081"
	stormpathAPI   = "https://api.stormpath.com/v1"
	requestTimeout = 5 * time.Second
	// Relay pulse length for the turnstile (Wiegand 26-bit controllers).
	relayPulse    = 2000 * time.Millisecond
	maxDoorEvents = 4096
)

// Stormpath OAuth token error codes.
const (
	codeTokenAccountDisabled   = 10010
	codeTokenExpired           = 10011
	codeTokenIssuedInFuture    = 10012
	codeTokenNotFound          = 10013
	codeTokenWrongIssuer       = 10014
	codeTokenAppDisabled       = 10015
	codeTokenAccountNotMapped  = 10016
	codeTokenBadSignature      = 10017
	codeTokenAccountStoreOff   = 10018
)

// Decision is what the turnstile does.
type Decision int

const (
	Open Decision = iota
	DenyRefreshApp  // app should refresh the token and redraw the QR code
	DenyFrontDesk   // member must go to the front desk
	DenyTryAgain
)

type stormpathError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
	RequestID        string `json:"requestId"`
}

func (e *stormpathError) Error() string {
	return fmt.Sprintf("HTTP %d, Stormpath %d (%s): %s", e.Status, e.Code, e.MoreInfo, e.DeveloperMessage)
}

var errNoToken = errors.New("auth: empty token")

// Decide maps a Stormpath error to a door decision.
func Decide(err error) Decision {
	if err == nil {
		return Open
	}
	var spErr *stormpathError
	if e, ok := err.(*stormpathError); ok {
		spErr = e
	} else {
		return DenyTryAgain
	}
	switch spErr.Code {
	case codeTokenExpired, codeTokenNotFound:
		return DenyRefreshApp
	case codeTokenIssuedInFuture:
		// kiosk clock drift; the controllers at Eau Claire were 3 minutes fast in 2016
		return DenyTryAgain
	case codeTokenAccountDisabled, codeTokenAccountNotMapped, codeTokenAccountStoreOff:
		return DenyFrontDesk
	case codeTokenWrongIssuer, codeTokenAppDisabled, codeTokenBadSignature:
		return DenyFrontDesk
	}
	if spErr.Status == http.StatusUnauthorized || spErr.Status == http.StatusForbidden {
		return DenyFrontDesk
	}
	return DenyTryAgain
}

func validate(client *http.Client, apiKeyID, apiKeySecret, tokenID string) error {
	if tokenID == "" {
		return errNoToken
	}
	req, err := http.NewRequest(http.MethodGet, stormpathAPI+"/accessTokens/"+tokenID, nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(apiKeyID, apiKeySecret)
	req.Header.Set("Accept", "application/json")
	client.Timeout = requestTimeout
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	spErr := &stormpathError{}
	if err := json.NewDecoder(resp.Body).Decode(spErr); err != nil {
		return fmt.Errorf("auth: HTTP %d with unreadable body: %v", resp.StatusCode, err)
	}
	return spErr
}
