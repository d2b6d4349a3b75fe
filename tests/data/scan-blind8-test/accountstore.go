package provisioning

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/jarias/stormpath-sdk-go"
)

const (
	listenAddr      = ":8080"
	provisionTimout = 2500 * time.Millisecond
	maxBatch        = 1000
)

// explainStoreError turns Stormpath's "no default account store" family of
// errors into something the provisioning dashboard can show.
func explainStoreError(err error) (string, int) {
	var spErr stormpath.Error
	if !errors.As(err, &spErr) {
		return err.Error(), http.StatusInternalServerError
	}
	switch spErr.Code {
	case 5100, 5101:
		return "The application has no usable default account store.", http.StatusConflict
	case 4600:
		return "The organization has no default account store.", http.StatusConflict
	default:
		return fmt.Sprintf("stormpath error %d (status %d): %s", spErr.Code, spErr.Status, spErr.DeveloperMessage), spErr.Status
	}
}

func serve() error {
	srv := &http.Server{Addr: listenAddr, ReadTimeout: provisionTimout}
	return srv.ListenAndServe()
}
