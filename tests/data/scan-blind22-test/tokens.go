// Package tokens validates the Stormpath access tokens that the Cartwheel
// Driver app sends to the dispatch service (driver location pings, job offers).
//
// We validate locally first (signature, exp) and only ask Stormpath
// (GET /v1/accessTokens/:id) once per token per 5 minutes, because the
// location ping runs every 15 s per driver and we have ~9,000 drivers online
// at peak.
package tokens

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const (
	listenAddr      = ":8080"
	remoteCheckTTL  = 5 * time.Minute
	stormpathTimout = 3 * time.Second
	maxIdleConns    = 100
	cacheShards     = 64
)

// Stormpath error codes for token validation.
const (
	ErrCodeAccountDisabled   = 10010
	ErrCodeTokenExpired      = 10011
	ErrCodeIssuedInFuture    = 10012 // clock skew on some Android 4.4 phones
	ErrCodeWrongIssuer       = 10014
	ErrCodeApplicationOff    = 10015
	ErrCodeAccountNotInStore = 10016
)

// StormpathError is the JSON error body from api.stormpath.com.
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

var ErrDriverOffboarded = errors.New("driver offboarded")

type cached struct {
	checkedAt time.Time
	driverID  string
}

type Validator struct {
	mu     sync.RWMutex
	seen   map[string]cached
	remote func(ctx context.Context, jti string) (string, error)
}

// Validate returns the driver id for a token, or a gRPC status error the
// dispatch API turns into HTTP 401/403.
func (v *Validator) Validate(ctx context.Context, jti string) (string, error) {
	v.mu.RLock()
	c, ok := v.seen[jti]
	v.mu.RUnlock()
	if ok && time.Since(c.checkedAt) < remoteCheckTTL {
		return c.driverID, nil
	}

	ctx, cancel := context.WithTimeout(ctx, stormpathTimout)
	defer cancel()

	driverID, err := v.remote(ctx, jti)
	if err != nil {
		return "", v.translate(jti, err)
	}

	v.mu.Lock()
	v.seen[jti] = cached{checkedAt: time.Now(), driverID: driverID}
	v.mu.Unlock()
	return driverID, nil
}

func (v *Validator) translate(jti string, err error) error {
	var spErr *StormpathError
	if !errors.As(err, &spErr) {
		return status.Error(codes.Unavailable, "token check unavailable")
	}

	v.mu.Lock()
	delete(v.seen, jti)
	v.mu.Unlock()

	switch spErr.Code {
	case ErrCodeTokenExpired, ErrCodeIssuedInFuture:
		return status.Error(codes.Unauthenticated, "token expired, refresh")
	case ErrCodeAccountDisabled, ErrCodeAccountNotInStore:
		// ops disabled the driver, or moved them to the "Former drivers" directory
		return status.Error(codes.PermissionDenied, ErrDriverOffboarded.Error())
	case ErrCodeWrongIssuer, ErrCodeApplicationOff:
		return status.Error(codes.Unauthenticated, "token not for this app")
	}

	if spErr.Status == http.StatusTooManyRequests || spErr.Status >= 500 {
		return status.Error(codes.Unavailable, "stormpath busy")
	}
	return status.Error(codes.Unauthenticated, spErr.Message)
}
