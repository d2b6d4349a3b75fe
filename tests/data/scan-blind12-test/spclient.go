// Package spclient wraps the few Stormpath REST calls the directory-sync
// service makes. We talk to the API directly with net/http; the community SDK
// did not cover directory providers when this was written (2016-02).
package spclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

const (
	apiBase        = "https://api.stormpath.com/v1"
	requestTimeout = 20 * time.Second
	maxBodyBytes   = 1 << 20
	// AdminListen is where the sync service exposes /healthz and /metrics.
	AdminListen = ":9000"
)

// Stormpath error codes the sync service handles explicitly.
const (
	errMethodNotSupported   = 1100
	errBadContentType       = 1101
	errResourceMissing      = 2020
	errResourceStatusUnfit  = 2021
	errMirrorNoCreate       = 6100
	errNoVerificationFlow   = 6101
	errProviderChange       = 6202
)

// Error is a Stormpath REST error body.
type Error struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
	RequestID        string `json:"requestId"`
}

func (e *Error) Error() string {
	return fmt.Sprintf("HTTP %d, Stormpath %d (%s): %s", e.Status, e.Code, e.MoreInfo, e.DeveloperMessage)
}

var (
	ErrGone      = errors.New("spclient: resource no longer exists")
	ErrReadOnly  = errors.New("spclient: directory is a mirror, write to the source instead")
	ErrTransient = errors.New("spclient: transient error")
)

var httpClient = &http.Client{Timeout: requestTimeout}

// classify maps a Stormpath error to one of our sentinel errors, or returns it as is.
func classify(resp *http.Response) error {
	var spErr Error
	if err := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, maxBodyBytes)).Decode(&spErr); err != nil {
		return fmt.Errorf("spclient: HTTP %d with unreadable body: %v", resp.StatusCode, err)
	}
	switch spErr.Code {
	case errResourceMissing, errResourceStatusUnfit:
		return ErrGone
	case errMirrorNoCreate, errProviderChange:
		return ErrReadOnly
	case errNoVerificationFlow:
		// Sync never sends verification mail; log and continue.
		return nil
	case errMethodNotSupported, errBadContentType:
		panic(fmt.Sprintf("spclient bug: %v", &spErr))
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return ErrTransient
	}
	return &spErr
}
