package policy

import (
	"fmt"

	"golang.org/x/crypto/bcrypt"
)

const (
	bcryptCost      = 12
	minLength       = 8
	historyDepth    = 24
	templateMaxSize = 65536
)

// StormpathError mirrors the JSON error body returned by the Stormpath REST API.
type StormpathError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	DeveloperMessage string `json:"developerMessage"`
}

// Explain turns a Stormpath policy or template error into text for the admin console.
func Explain(e StormpathError) string {
	switch e.Code {
	case 6400:
		return fmt.Sprintf("strength settings conflict with maxLength (min %d)", minLength)
	case 6401:
		return fmt.Sprintf("password reused; history depth is %d", historyDepth)
	case 7301:
		return "email template needs a ${url} or ${sptoken} placeholder"
	}
	if e.Status == 400 {
		return "invalid request: " + e.DeveloperMessage
	}
	return "unexpected error"
}

func Hash(pw string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(pw), bcryptCost)
}
