// Package tokenauth validates the bearer tokens that CV Online and CV Mobile
// send to the eStatements service (estatements-svc, :9001).
//
// The tokens are Stormpath OAuth access tokens issued to the member by the
// "CV Online" application. We do not validate them locally: the signing key
// is Stormpath's, so we ask Stormpath with
//
//	GET https://api.stormpath.com/v1/applications/{appId}/authTokens/{jwt}
//
// and cache a positive answer for 60 s. A rejected token comes back as a
// normal Stormpath error body (status, code, message, developerMessage,
// moreInfo), which we decode into stormpathError below.
package tokenauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"
	log "github.com/sirupsen/logrus"
)

// Stormpath OAuth token errors (10XXX). See
// https://docs.stormpath.com/rest/product-guide/latest/errors.html
const (
	spTokenExpired      = 10011 // token is no longer valid because it has expired
	spTokenIatInFuture  = 10012 // iat after current time (clock skew on the client)
	spTokenNotFound     = 10013 // token deleted / revoked, or expired and removed by Stormpath
	spTokenWrongIssuer  = 10014 // issued by another application (e.g. BranchPoint Kiosk token)
	spTokenBadSignature = 10017 // JWT signature check failed
	spAPIKeyInvalid     = 10019 // OUR api key id/secret rejected: config problem, page someone
)

// eStatements API error numbers returned in our JSON body as "esCode".
// These are our own (documented in estatements-svc/README), not Stormpath's.
const (
	esUnauthorized      = 4001
	esStatementNotReady = 5100
	esStorageError      = 5101
)

// ErrTokenRejected means the member has to sign in again (or the app has to
// refresh its token). ErrMisconfigured means it's our fault.
var (
	ErrTokenRejected = errors.New("tokenauth: token rejected")
	ErrMisconfigured = errors.New("tokenauth: stormpath credentials rejected")
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

// Validator checks tokens against Stormpath.
type Validator struct {
	AppHref      string // https://api.stormpath.com/v1/applications/...
	APIKeyID     string
	APIKeySecret string
	HTTP         *http.Client

	mu    sync.Mutex
	cache map[string]cached
}

type cached struct {
	accountHref string
	until       time.Time
}

// Validate returns the Stormpath account href of the token's owner.
func (v *Validator) Validate(ctx context.Context, jwt string) (string, error) {
	v.mu.Lock()
	if c, ok := v.cache[jwt]; ok && time.Now().Before(c.until) {
		v.mu.Unlock()
		return c.accountHref, nil
	}
	v.mu.Unlock()

	req, err := http.NewRequest("GET", strings.TrimRight(v.AppHref, "/")+"/authTokens/"+jwt, nil)
	if err != nil {
		return "", err
	}
	req = req.WithContext(ctx)
	req.SetBasicAuth(v.APIKeyID, v.APIKeySecret)
	req.Header.Set("Accept", "application/json")

	resp, err := v.HTTP.Do(req)
	if err != nil {
		return "", fmt.Errorf("tokenauth: calling stormpath: %v", err)
	}
	defer resp.Body.Close()

	if resp.StatusCode == http.StatusOK {
		var body struct {
			Account struct {
				Href string `json:"href"`
			} `json:"account"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			return "", err
		}
		v.mu.Lock()
		if v.cache == nil {
			v.cache = make(map[string]cached)
		}
		v.cache[jwt] = cached{accountHref: body.Account.Href, until: time.Now().Add(60 * time.Second)}
		v.mu.Unlock()
		return body.Account.Href, nil
	}

	var spErr stormpathError
	if err := json.NewDecoder(resp.Body).Decode(&spErr); err != nil {
		return "", fmt.Errorf("tokenauth: HTTP %d from stormpath, undecodable body: %v", resp.StatusCode, err)
	}

	switch spErr.Code {
	case spTokenExpired, spTokenNotFound:
		// Normal: the app refreshes and retries. Debug level only, these are ~40k/month.
		log.WithField("stormpath_code", spErr.Code).Debug("token expired or gone")
		return "", ErrTokenRejected
	case spTokenIatInFuture:
		log.WithFields(log.Fields{"stormpath_code": spErr.Code, "request_id": spErr.RequestID}).
			Warn("token iat in the future; check client clock (kiosks?)")
		return "", ErrTokenRejected
	case spTokenWrongIssuer, spTokenBadSignature:
		log.WithFields(log.Fields{"stormpath_code": spErr.Code, "request_id": spErr.RequestID}).
			Warn("token not issued by CV Online or tampered with")
		return "", ErrTokenRejected
	case spAPIKeyInvalid:
		log.WithField("err", spErr.Error()).Error("stormpath rejected our API key; rotate estatements key in Vault")
		return "", ErrMisconfigured
	default:
		log.WithField("err", spErr.Error()).Error("unexpected stormpath error")
		return "", &spErr
	}
}

// StatusFor maps an error from Validate or the statement store to the HTTP
// status and our esCode.
func StatusFor(err error) (int, int) {
	if err == ErrTokenRejected {
		return http.StatusUnauthorized, esUnauthorized
	}
	if err == ErrMisconfigured {
		return http.StatusServiceUnavailable, esStorageError
	}
	if pqErr, ok := err.(*pq.Error); ok {
		switch pqErr.Code {
		case "55P03":
			// Postgres SQLSTATE 55P03 lock_not_available: the nightly statement
			// render (02:00-04:30) still holds the month's partition.
			return http.StatusServiceUnavailable, esStatementNotReady
		case "57014":
			// SQLSTATE 57014 query_canceled (statement_timeout = 2500ms)
			return http.StatusGatewayTimeout, esStorageError
		}
	}
	return http.StatusInternalServerError, esStorageError
}
