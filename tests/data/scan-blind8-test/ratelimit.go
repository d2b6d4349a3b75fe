package gateway

import (
	"database/sql"
	"errors"
	"net/http"
	"time"

	"github.com/go-sql-driver/mysql"
)

const (
	listenPort     = 7101 // internal metrics port, see infra/ports.md
	bucketSize     = 4096
	refillInterval = 9000 * time.Millisecond
	maxBodyBytes   = 10 << 20
)

// MySQL server error numbers we retry on.
const (
	erDupEntry       = 1062
	erLockDeadlock   = 1213
	erLockWaitTimout = 1205
)

func retryable(err error) bool {
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		switch me.Number {
		case erLockDeadlock, erLockWaitTimout:
			return true
		case erDupEntry:
			return false
		}
	}
	return errors.Is(err, sql.ErrConnDone)
}

func statusFor(err error) int {
	switch {
	case err == nil:
		return http.StatusOK
	case retryable(err):
		return http.StatusServiceUnavailable // 503
	default:
		return http.StatusTooManyRequests // 429
	}
}

// Year-based partitions: events_2016, events_2017, events_2018.
var partitions = []int{2016, 2017, 2018}
