// Package spx wraps the Stormpath Go SDK for the signup service.
package spx

import (
	"errors"
	"net/http"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

// Stormpath error codes the signup service reacts to
// (see https://docs.stormpath.com/rest/product-guide/latest/errors.html).
const (
	CodeDuplicateValue      = 2001 // e.g. an account with that email already exists
	CodeSocialMissingProp   = 7201 // the social provider's response lacked a required property
	CodeGoogleTokenAudience = 7203 // accessToken was issued for another Google client
)

// Kind is what the HTTP handler needs to know about a failure.
type Kind int

const (
	KindUnknown Kind = iota
	KindConflict
	KindSocial
)

// Classify maps a Stormpath error to a Kind.
func Classify(err error) Kind {
	var se stormpath.Error
	if !errors.As(err, &se) {
		return KindUnknown
	}
	switch se.Code {
	case CodeDuplicateValue:
		return KindConflict
	case CodeSocialMissingProp, CodeGoogleTokenAudience:
		return KindSocial
	}
	if se.Status == http.StatusConflict {
		return KindConflict
	}
	return KindUnknown
}

// NewServer returns the signup HTTP server.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Addr:         ":9004",
		Handler:      h,
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
	}
}
