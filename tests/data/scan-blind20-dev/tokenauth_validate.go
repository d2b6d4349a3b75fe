// Package tokenauth validates Stormpath OAuth access tokens sent by the PawPass
// apps to the appointments API. Stormpath is asked to validate every token (we
// don't trust local JWT checks alone: revoked tokens must fail immediately).
package tokenauth

import (
	"encoding/json"
	"log"
	"net/http"
	"strings"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

// Our own error codes for the appointments API (see docs/appointments-api.md).
const (
	codeNoToken     = 4603 // Authorization header missing
	codeBadToken    = 4604 // Stormpath rejected the token
	codeClinicScope = 4612 // token valid, but not for this clinic
)

// ListenAddr is where the appointments API listens behind the load balancer.
const ListenAddr = ":10014"

var client = &http.Client{Timeout: 5 * time.Second}

type apiError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// Middleware rejects requests whose bearer token Stormpath does not accept.
func Middleware(app *stormpath.Application, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if raw == "" {
			writeErr(w, http.StatusUnauthorized, codeNoToken, "missing bearer token")
			return
		}
		tok, err := app.ValidateToken(raw)
		if err != nil {
			if spErr, ok := err.(stormpath.Error); ok {
				switch spErr.Code {
				case 10011: // token expired
					writeErr(w, http.StatusUnauthorized, codeBadToken, "token expired, refresh it")
					return
				case 10017: // JWT signature verification failed
					log.Printf("tokenauth: bad signature from %s (stormpath %d)", r.RemoteAddr, spErr.Code)
					writeErr(w, http.StatusUnauthorized, codeBadToken, "invalid token")
					return
				case 11005: // jti already used (replayed ID Site token)
					log.Printf("tokenauth: replayed token from %s", r.RemoteAddr)
					writeErr(w, http.StatusUnauthorized, codeBadToken, "token already used")
					return
				}
			}
			log.Printf("tokenauth: stormpath validation error: %v", err)
			writeErr(w, http.StatusBadGateway, codeBadToken, "could not validate token")
			return
		}
		if !allowedClinic(tok, r.URL.Query().Get("clinic")) {
			writeErr(w, http.StatusForbidden, codeClinicScope, "token not valid for this clinic")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeErr(w http.ResponseWriter, status, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apiError{Code: code, Message: msg})
}
