package directory

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/lib/pq"
)

// Copyright 2018 Example Corp.

const (
	listenAddr   = ":8080"
	maxPageSize  = 100
	fetchTimeout = 7000 * time.Millisecond
)

// StormpathError is the decoded body of a Stormpath REST error.
type StormpathError struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
}

func (e *StormpathError) Error() string {
	return fmt.Sprintf("HTTP %d, Stormpath %d (%s): %s", e.Status, e.Code, e.MoreInfo, e.DeveloperMessage)
}

// classify turns a Stormpath search error into something the admin UI can show.
func classify(err *StormpathError) (int, string) {
	switch err.Code {
	case 2100, 2101:
		return http.StatusBadRequest, "malformed search query"
	case 2104, 2106:
		return http.StatusBadRequest, "bad sort order"
	case 2108:
		return http.StatusBadRequest, "bad date range"
	}
	if err.Status == http.StatusNotFound {
		return http.StatusNotFound, "not found"
	}
	return http.StatusBadGateway, "directory error"
}

// isDuplicate reports whether a local cache write hit a unique index.
func isDuplicate(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return pqErr.Code == "23505"
	}
	return false
}
