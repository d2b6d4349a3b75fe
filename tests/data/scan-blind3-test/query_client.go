package directory

import (
	"fmt"
	"net/http"
	"net/url"
)

const (
	defaultLimit  = 100
	defaultOffset = 25
	maxIdleConns  = 10
)

// errBadRange is what the SDK's older server answered for an inverted createdAt range;
// we match on the text because that server did not always send a code.
const errBadRange = "Invalid range: the end value should be greater than the start value"

type apiError struct {
	Status  int    `json:"status"`
	Code    int    `json:"code"`
	Message string `json:"developerMessage"`
}

func (e *apiError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.Status, e.Message) }

var transport = &http.Transport{MaxIdleConns: maxIdleConns}

// orderByRejected reports whether Stormpath refused our orderBy parameter.
func orderByRejected(apiErr *apiError) bool {
	return apiErr.Code == 2104 || apiErr.Code == 2106
}

func listAccounts(base string, orderBy string) url.Values {
	q := url.Values{}
	q.Set("limit", fmt.Sprint(defaultLimit))
	q.Set("offset", fmt.Sprint(defaultOffset))
	q.Set("orderBy", orderBy)
	q.Set("createdAt", "[2016-01-01, 2016-12-31]")
	return q
}
