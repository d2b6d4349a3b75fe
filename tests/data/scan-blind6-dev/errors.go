// Package spdir wraps the directory-provisioning calls our onboarding tool
// makes against Stormpath. Copyright 2015 Fieldnote Labs.
package spdir

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

const (
	// stormpath codes we know how to recover from
	codeMirrorNoWrite      = 6100
	codeVerificationOff    = 6101
	codeProviderChange     = 6202
	codeReadOnlyProperty   = 7202

	listenAddr     = ":9001" // metrics endpoint
	defaultTimeout = 15 * time.Second
	pageLimit      = 100
)

var ErrReadOnly = errors.New("spdir: directory is read-only")

func classify(err error) error {
	spErr, ok := err.(stormpath.Error)
	if !ok {
		return err
	}
	switch spErr.Code {
	case codeMirrorNoWrite, codeReadOnlyProperty:
		return ErrReadOnly
	case codeVerificationOff, codeProviderChange:
		return fmt.Errorf("spdir: directory needs manual fix in the console: %s", spErr.DeveloperMessage)
	}
	if spErr.Status == http.StatusNotFound {
		return fmt.Errorf("spdir: gone: %v", spErr)
	}
	return err
}
