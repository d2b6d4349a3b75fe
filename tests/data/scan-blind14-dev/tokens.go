// Package authgw is the small gateway in front of the monitoring API
// (api.halcyonrooftop.com). Mobile apps send a Stormpath access token; we
// validate it against our Stormpath application and map failures to HTTP.
//
// The gateway also runs on the Windows box in the Fresno branch office, so
// dial errors can come back as raw Winsock numbers. Those are not Stormpath
// codes even though they sit in the same range.
package authgw

import (
	"bufio"
	"errors"
	"io"
	"io/ioutil"
	"net"
	"net/http"
	"os"
	"syscall"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

// Stormpath OAuth / organization errors we treat specially.
const (
	spTokenExpired  = 10011
	spTokenNotFound = 10013
	spBadSignature  = 10017
	spOrgUnknown    = 11001
	spOrgDisabled   = 11002
)

// Winsock error numbers (Windows only).
const (
	wsaETimedOut    = syscall.Errno(10060)
	wsaEConnRefused = syscall.Errno(10061)
	wsaNoData       = syscall.Errno(11004)
)

const (
	listenAddr      = ":8443"
	readBufSize     = 4096
	maxIdleConns    = 100
	upstreamTimeout = 12 * time.Second
	tokenCacheTTL   = 90 * time.Second
)

var errUpstream = errors.New("authgw: stormpath unreachable")

// classify turns a token validation error into an HTTP status and a short
// reason for the WWW-Authenticate header.
func classify(err error) (int, string) {
	if err == nil {
		return http.StatusOK, ""
	}
	if spErr, ok := err.(*stormpath.Error); ok {
		switch spErr.Code {
		case spTokenExpired, spTokenNotFound:
			return http.StatusUnauthorized, "invalid_token: expired"
		case spBadSignature:
			return http.StatusUnauthorized, "invalid_token: signature"
		case spOrgUnknown, spOrgDisabled:
			return http.StatusForbidden, "organization not available"
		default:
			return http.StatusUnauthorized, "invalid_token"
		}
	}
	if isDialFailure(err) {
		return http.StatusBadGateway, errUpstream.Error()
	}
	return http.StatusInternalServerError, "internal"
}

func isDialFailure(err error) bool {
	opErr, ok := err.(*net.OpError)
	if !ok {
		return false
	}
	if sysErr, ok := opErr.Err.(*os.SyscallError); ok {
		switch sysErr.Err {
		case wsaETimedOut, wsaEConnRefused, wsaNoData, syscall.ECONNREFUSED, syscall.ETIMEDOUT:
			return true
		}
	}
	return opErr.Timeout()
}

// NewServer wires the handler with sane limits.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Addr:           listenAddr,
		Handler:        h,
		ReadTimeout:    upstreamTimeout,
		WriteTimeout:   upstreamTimeout,
		MaxHeaderBytes: 1 << 16,
	}
}

// Transport used for calls to api.stormpath.com.
func newTransport() *http.Transport {
	return &http.Transport{
		MaxIdleConns:          maxIdleConns,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: upstreamTimeout,
	}
}

// readBody reads at most limit bytes of a Stormpath response.
func readBody(r io.Reader, limit int64) ([]byte, error) {
	br := bufio.NewReaderSize(io.LimitReader(r, limit), readBufSize)
	return ioutil.ReadAll(br)
}
