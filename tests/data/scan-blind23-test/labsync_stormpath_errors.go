// Package auth validates bearer tokens on the lab-results API (labsync).
//
// Vets, the PawPal app and partner insurers call GET /v2/results/{accession} with a
// Stormpath access token. We validate it remotely (POST /v1/applications/{id}/authTokens/{jwt})
// when the local JWT check can't decide, and translate Stormpath's answer here.
//
// Kenji Watanabe, 2016-02. Insurer (Organization) tokens added 2016-09, BPVG-934.
package auth

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Stormpath token-validation error codes (100XX).
const (
	SPTokenAccountDisabled     = 10010
	SPTokenExpired             = 10011
	SPTokenAccountNotMapped    = 10016
	SPTokenBadSignature        = 10017
	SPAPIKeyAuthFailed         = 10019
)

// labsync's own error numbers, returned in the "labErr" field. Not Stormpath codes.
const (
	LabErrAccessionUnknown     = 4201
	LabErrResultNotFinal       = 4202
	LabErrPartnerNotAuthorized = 4203
	LabErrReferenceLabDown     = 4290
)

const (
	listenAddr      = ":9443"
	remoteTimeout   = 4 * time.Second
	clockSkewLeeway = 90 * time.Second // Antech/IDEXX interface boxes drift; NTP on lab-eug-02 broke once (2016-06-14)
	jwksRefresh     = 6 * time.Hour
)

// ErrTokenRejected is returned for any token Stormpath refuses.
var ErrTokenRejected = errors.New("auth: token rejected")

// StormpathError is the JSON body Stormpath returns on a failed validation.
type StormpathError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
	RequestID        string `json:"requestId"`
}

func (e *StormpathError) Error() string {
	return fmt.Sprintf("HTTP %d, Stormpath %d (%s): %s", e.Status, e.Code, e.MoreInfo, e.DeveloperMessage)
}

// httpStatusFor decides what labsync answers when Stormpath rejects a token.
func httpStatusFor(e *StormpathError) (int, string) {
	switch e.Code {
	case SPTokenExpired, SPTokenBadSignature:
		return http.StatusUnauthorized, "invalid_token"
	case SPTokenAccountDisabled, SPTokenAccountNotMapped:
		return http.StatusForbidden, "access_denied"
	case SPAPIKeyAuthFailed:
		// Reference-lab push uses client_credentials with an API key per lab.
		return http.StatusUnauthorized, "invalid_client"
	}
	if e.Status >= 500 {
		return http.StatusBadGateway, "upstream_error"
	}
	return http.StatusUnauthorized, "invalid_token"
}

// retryable reports whether a remote validation should be tried once more.
func retryable(e *StormpathError) bool {
	return e.Status == http.StatusTooManyRequests || e.Status >= 500
}
