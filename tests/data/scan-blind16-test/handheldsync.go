// Package handheldsync receives citation batches from the parking enforcement
// handhelds and forwards them to the parking back office.
//
// Each handheld signs in as its officer (Stormpath password grant) when it is
// docked; the sync service validates the officer's access token on every
// upload.
package handheldsync

import (
	"fmt"
	"log"
	"net/http"
	"time"

	stormpath "github.com/jarias/stormpath-sdk-go"
)

// ListenAddr is where the docking stations post batches.
const ListenAddr = ":9000"

// Stormpath error codes the sync service reacts to.
const (
	spPasswordIncorrect = 7100
	spNoSuchAccount     = 7104
	spTokenExpired      = 10011
	spAppDisabled       = 10015 // issuing application disabled (happened during the 2017 cut-over)
)

// Handheld fault codes reported in the batch header by the device firmware
// (vendor manual TT-8 rev C, section 9). These are the handheld's own codes,
// NOT Stormpath errors, even though some of the numbers look similar.
const (
	FaultNone          = 0
	FaultPrinterJam    = 7102
	FaultPrinterNoMedia = 7103
	FaultGPSNoFix      = 7106
	FaultLowBattery    = 9003
	FaultClockDrift    = 11002
)

var faultNames = map[int]string{
	FaultPrinterJam:     "printer jam",
	FaultPrinterNoMedia: "out of ticket stock",
	FaultGPSNoFix:       "no GPS fix",
	FaultLowBattery:     "battery below 15%",
	FaultClockDrift:     "clock drift > 120 s",
}

// Batch is one upload from a docked handheld.
type Batch struct {
	DeviceID  string    `json:"device_id"` // e.g. "HH-2014"
	Officer   string    `json:"officer"`
	Fault     int       `json:"fault"`
	Citations []Citation `json:"citations"`
	DockedAt  time.Time `json:"docked_at"`
}

type Citation struct {
	Number   string  `json:"number"` // PC-5101-xxxxx
	Street   string  `json:"street"`
	Contravention int `json:"contravention"` // national contravention code, e.g. 01, 12, 40
	Amount   float64 `json:"amount"`
}

// authError converts a Stormpath error into an HTTP status for the dock.
func authError(err error) (int, string) {
	spErr, ok := err.(stormpath.Error)
	if !ok {
		return http.StatusBadGateway, "identity service unreachable"
	}
	switch spErr.Code {
	case spPasswordIncorrect, spNoSuchAccount:
		return http.StatusUnauthorized, "officer PIN or password not recognised"
	case spTokenExpired:
		return http.StatusUnauthorized, "token expired - re-dock to sign in again"
	case spAppDisabled:
		log.Printf("stormpath: issuing application disabled: %s (%s)", spErr.DeveloperMessage, spErr.MoreInfo)
		return http.StatusServiceUnavailable, "sign-in disabled"
	default:
		return http.StatusUnauthorized, fmt.Sprintf("sign-in failed (stormpath %d)", spErr.Code)
	}
}

func describeFault(b Batch) string {
	if b.Fault == FaultNone {
		return "ok"
	}
	if name, ok := faultNames[b.Fault]; ok {
		return fmt.Sprintf("device fault %d: %s", b.Fault, name)
	}
	return fmt.Sprintf("device fault %d", b.Fault)
}
