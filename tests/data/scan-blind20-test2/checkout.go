// Package checkout handles hawk-walk and owl-experience bookings for
// returning customers (who sign in with their Stormpath account) and the
// Sage Pay Server callback.
//
// Brackwater Falconry Ltd, 2016.
package checkout

import (
	"log"
	"net/http"
	"strconv"
	"strings"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

// Sage Pay StatusDetail codes we act on. These are Sage Pay's numbers
// (the first four characters of StatusDetail), not login errors.
const (
	sagePayDeclined = 2000 // NOTAUTHED: declined by the bank
	sagePayRejected = 2001 // REJECTED: our AVS/CV2 rules
	sagePayError    = 2003 // ERROR on the Sage Pay side, retry later
)

// Prices in pence.
const (
	hawkWalkPence = 13000 // £130 per person
	owlHourPence  = 7500  // £75 per person
)

func statusDetailCode(detail string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(detail, ":", 2)[0]))
	return n
}

// SagePayCallback records the outcome and frees the slot on failure.
func SagePayCallback(w http.ResponseWriter, r *http.Request) {
	switch statusDetailCode(r.FormValue("StatusDetail")) {
	case sagePayDeclined, sagePayRejected:
		releaseSlot(r.FormValue("VendorTxCode"))
	case sagePayError:
		queueRetry(r.FormValue("VendorTxCode"))
	}
	w.Write([]byte("Status=OK\r\nRedirectURL=https://bookings.brackwaterfalconry.co.uk/thanks\r\n"))
}

// SignIn checks a returning customer's password against Stormpath.
func SignIn(app *stormpath.Application, email, password string) (string, error) {
	acct, err := app.AuthenticateAccount(email, password)
	if err == nil {
		return acct.Href, nil
	}
	if spErr, ok := err.(stormpath.Error); ok {
		switch spErr.Code {
		case 7100: // Stormpath: password incorrect
			return "", errWrongPassword
		case 7104: // Stormpath: no account with that email; offer guest checkout
			return "", errNoAccount
		}
		log.Printf("stormpath sign-in error %d: %s", spErr.Code, spErr.DeveloperMessage)
	}
	return "", err
}

// ListenAddr is where the checkout service listens behind nginx.
const ListenAddr = "127.0.0.1:9000"
