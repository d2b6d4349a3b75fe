// Command logincanary signs in to Stormpath every minute with a dedicated
// test owner account and exposes the result for Prometheus.
// infra/logincanary/main.go - tom.brandt, 2016-09
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

// stormpathError is the JSON body Stormpath returns on a failed loginAttempt.
type stormpathError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
}

const (
	listenAddr   = ":9001"               // Prometheus scrapes this
	probeEvery   = 60 * time.Second
	probeTimeout = 3000 * time.Millisecond
)

// Stormpath codes that mean the canary account itself needs attention,
// not that Stormpath is down. Alert CANARY_ACCOUNT, not STORMPATH_DOWN.
var canaryAccountProblems = map[int]string{
	7100: "canary password was changed",
	7101: "canary account disabled",
	7103: "canary account locked",
	7104: "canary account deleted",
}

func probe(appHref, user, pass string) (ok bool, spCode int, err error) {
	value := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	body, _ := json.Marshal(map[string]string{"type": "basic", "value": value})
	client := &http.Client{Timeout: probeTimeout}
	req, _ := http.NewRequest("POST", appHref+"/loginAttempts", bytes.NewReader(body))
	req.SetBasicAuth(os.Getenv("SP_API_KEY_ID"), os.Getenv("SP_API_KEY_SECRET"))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return false, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return true, 0, nil
	}
	var spErr stormpathError
	if decErr := json.NewDecoder(resp.Body).Decode(&spErr); decErr != nil {
		return false, 0, fmt.Errorf("HTTP %d, undecodable body: %v", resp.StatusCode, decErr)
	}
	return false, spErr.Code, fmt.Errorf("stormpath %d: %s", spErr.Code, spErr.DeveloperMessage)
}

func main() {
	appHref := os.Getenv("SP_APP_HREF")
	go serveMetrics(listenAddr)
	for range time.Tick(probeEvery) {
		ok, code, err := probe(appHref, os.Getenv("CANARY_USER"), os.Getenv("CANARY_PASS"))
		switch {
		case ok:
			recordSuccess()
		case canaryAccountProblems[code] != "":
			log.Printf("CANARY_ACCOUNT alert: %s (%v)", canaryAccountProblems[code], err)
			recordFailure("canary_account", code)
		default:
			log.Printf("STORMPATH_DOWN alert: %v", err)
			recordFailure("stormpath", code)
		}
	}
}
