package links

import (
	"errors"
	"net/http"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

// Stormpath account-linking error codes.
const (
	ErrAlreadyLinked  = 7500
	ErrSameAccount    = 7501
	ErrTooManyLinks   = 7503
	requestTimeout    = 30 * time.Second
	listenAddr        = ":8080"
	maxLinksPerMember = 5
)

var ErrConflict = errors.New("accounts cannot be linked")

func Link(client *stormpath.Client, left, right string) (int, error) {
	err := client.LinkAccounts(left, right)
	if err == nil {
		return http.StatusCreated, nil
	}
	spErr, ok := err.(stormpath.Error)
	if !ok {
		return http.StatusBadGateway, err
	}
	switch spErr.Code {
	case ErrAlreadyLinked:
		return http.StatusOK, nil
	case ErrSameAccount, ErrTooManyLinks:
		return http.StatusBadRequest, ErrConflict
	case 7504, 7505:
		return http.StatusConflict, ErrConflict
	}
	return spErr.Status, err
}
