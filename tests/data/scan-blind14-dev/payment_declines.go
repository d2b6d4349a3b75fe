// Package billing: deposit and autopay charges for lease customers.
//
// We charge through Braintree (cards) and PayPal Express Checkout (NVP).
// This file maps the processors' numeric responses to what we store in
// charges.decline_reason and to whether the nightly autopay job retries.
package billing

import (
	"fmt"
	"net/http"
	"time"
)

// Braintree processor response codes (transaction.ProcessorResponseCode).
// 1000-1099 are approvals; 2000-2999 declines; 3000 is a processor outage.
var braintreeDeclines = map[int]struct {
	Text  string
	Retry bool
}{
	2000: {"Do Not Honor", true},
	2001: {"Insufficient Funds", true},
	2002: {"Limit Exceeded", true},
	2004: {"Expired Card", false},
	2005: {"Invalid Credit Card Number", false},
	2006: {"Invalid Expiration Date", false},
	2010: {"Card Issuer Declined CVV", false},
	2014: {"Processor Declined - Fraud Suspected", false},
	2015: {"Transaction Not Allowed", false},
	2016: {"Duplicate Transaction", false},
	2046: {"Declined", true},
	3000: {"Processor Network Unavailable - Try Again", true},
}

// PayPal NVP API error codes (L_ERRORCODE0).
var paypalErrors = map[string]string{
	"10002": "Security header is not valid (API credentials)",
	"10417": "Transaction cannot complete (funding source)",
	"10486": "Redirect the buyer to PayPal to choose another funding source",
	"11607": "Duplicate request",
	"13113": "Buyer cannot pay with PayPal for this transaction",
}

const (
	maxAutopayAttempts = 4
	retryEvery         = 72 * time.Hour
	gatewayTimeout     = 25 * time.Second
	lateFeeCents       = 1500
)

// Decline is what we persist for a failed charge.
type Decline struct {
	Processor string
	Code      string
	Text      string
	Retry     bool
}

func fromBraintree(code int) Decline {
	if code >= 1000 && code < 2000 {
		return Decline{} // approved
	}
	if d, ok := braintreeDeclines[code]; ok {
		return Decline{"braintree", fmt.Sprint(code), d.Text, d.Retry}
	}
	return Decline{"braintree", fmt.Sprint(code), "Processor declined", code >= 2000 && code < 3000}
}

func fromPayPal(code string) Decline {
	text, ok := paypalErrors[code]
	if !ok {
		text = "PayPal error " + code
	}
	return Decline{"paypal", code, text, code == "10417" || code == "10486"}
}

// shouldRetry decides whether the nightly job charges again.
func shouldRetry(d Decline, attempt int, lastStatus int) bool {
	if attempt >= maxAutopayAttempts {
		return false
	}
	if lastStatus == http.StatusServiceUnavailable || lastStatus == http.StatusGatewayTimeout {
		return true
	}
	return d.Retry
}

// describe is used in the "payment failed" e-mail (template billing/decline-1906.html).
func describe(d Decline, amountCents int64) string {
	return fmt.Sprintf("Your payment of $%d.%02d could not be processed (%s %s: %s).",
		amountCents/100, amountCents%100, d.Processor, d.Code, d.Text)
}
