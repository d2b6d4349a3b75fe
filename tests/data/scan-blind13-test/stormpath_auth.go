// Package ssoauth handles corporate SSO for the Larkspur owner/franchisee
// extranet (Go 1.7). Franchise groups log in through Stormpath ID Site with an
// organization nameKey; two groups use SAML against their own IdP.
package ssoauth

import (
	"database/sql"
	"errors"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/lib/pq"
	"gopkg.in/mgo.v2"
)

const (
	listenAddr      = ":8443"
	readBufferSize  = 4096
	writeBufferSize = 8192
	maxRetries      = 5
	dialTimeout     = 3 * time.Second
)

// Error returned by our Stormpath REST wrapper (see spclient.go).
type spError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
	RequestID        string `json:"requestId"`
}

func (e *spError) Error() string { return e.DeveloperMessage }

var (
	errUnknownOrg    = errors.New("franchise group not found")
	errOrgDisabled   = errors.New("franchise group disabled")
	errOrgNotMapped  = errors.New("franchise group not enabled for the extranet")
	errSAMLRejected  = errors.New("identity provider rejected the login")
	errCallbackNotOK = errors.New("callback URL not authorized")
)

// classify turns an ID Site / SAML callback failure into a page to show.
func classify(err error) (int, error) {
	sp, ok := err.(*spError)
	if !ok {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			return http.StatusGatewayTimeout, err
		}
		return http.StatusBadGateway, err
	}
	switch sp.Code {
	case 11001:
		return http.StatusNotFound, errUnknownOrg
	case 11002:
		return http.StatusForbidden, errOrgDisabled
	case 11003:
		return http.StatusForbidden, errOrgNotMapped
	case 10101, 10102:
		// bad signature on the assertion, or the group's own IdP failed the login
		log.Printf("saml failure code=%d requestId=%s", sp.Code, sp.RequestID)
		return http.StatusUnauthorized, errSAMLRejected
	case 5121:
		// callbackUri not in the app's authorizedCallbackUris (staging hosts!)
		return http.StatusBadRequest, errCallbackNotOK
	}
	return sp.Status, sp
}

// Postgres and MongoDB errors from the session store and audit log.

const pgSerializationFailure = "40001"
const pgTooManyConnections = "53300"

func retryableDB(err error) bool {
	if err == sql.ErrNoRows {
		return false
	}
	if pqErr, ok := err.(*pq.Error); ok {
		return pqErr.Code == pgSerializationFailure || pqErr.Code == pgTooManyConnections
	}
	// MongoDB audit log: E11000 / E11001 duplicate key means the event was
	// already written by a previous attempt; treat as success upstream.
	if lastErr, ok := err.(*mgo.LastError); ok {
		return !(lastErr.Code == 11000 || lastErr.Code == 11001)
	}
	return false
}

func withRetry(fn func() error) error {
	var err error
	for i := 0; i < maxRetries; i++ {
		if err = fn(); err == nil || !retryableDB(err) {
			return err
		}
		time.Sleep(time.Duration(100*(i+1)) * time.Millisecond)
	}
	return err
}
