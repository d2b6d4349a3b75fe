// Package orgsync keeps partner studios' Stormpath Organizations in step with
// the partner table in the billing database, and links each partner's SSO
// account to their legacy forum account.
//
// Runs as a cron job on ops-01 every 15 minutes (see deploy/cron/orgsync).
package orgsync

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/http"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jarias/stormpath-sdk-go"
	"github.com/lib/pq"
)

// Stormpath error codes we act on.
const (
	spAccountStoreNotAssigned = 5114  // account store is not one of the app's assigned stores
	spAccountsAlreadyLinked   = 7500  // account link exists; Location header points at it
	spOrgNameKeyUnknown       = 11001 // token names an org nameKey we don't have
	spOrgDisabled             = 11002
	spOrgNotAssigned          = 11003
)

// Not Stormpath: database and socket errors.
const (
	pqUniqueViolation   = "23505"
	mysqlDupEntry       = 1062
	mysqlLockWait       = 1205
	wsaeConnRefused     = syscall.Errno(10061) // only seen from the Windows dev boxes
	maxPartnersPerBatch = 200
	httpTimeout         = 15 * time.Second
	billingDSNPort      = 3306
)

var errSkip = errors.New("orgsync: skip partner")

// Partner is one row of billing.partners.
type Partner struct {
	ID        int64
	NameKey   string
	Active    bool
	ForumUID  sql.NullInt64
	SSOHref   sql.NullString
	UpdatedAt time.Time
}

// Syncer holds the clients.
type Syncer struct {
	App     *stormpath.Application
	Billing *sql.DB // MySQL, port 3306
	Forums  *sql.DB // Postgres
	HTTP    *http.Client
}

// New builds a Syncer with sane timeouts.
func New(app *stormpath.Application, billing, forums *sql.DB) *Syncer {
	return &Syncer{App: app, Billing: billing, Forums: forums, HTTP: &http.Client{Timeout: httpTimeout}}
}

// Run syncs one batch.
func (s *Syncer) Run(ctx context.Context) error {
	partners, err := s.loadPartners(ctx, maxPartnersPerBatch)
	if err != nil {
		return err
	}
	for _, p := range partners {
		if err := s.syncOne(ctx, p); err != nil && err != errSkip {
			log.Printf("orgsync: partner %d (%s): %v", p.ID, p.NameKey, err)
		}
	}
	return nil
}

func (s *Syncer) syncOne(ctx context.Context, p Partner) error {
	err := s.ensureOrg(p)
	var spErr stormpath.Error
	if errors.As(err, &spErr) {
		switch spErr.Code {
		case spOrgNameKeyUnknown:
			return s.createOrg(p)
		case spOrgDisabled, spOrgNotAssigned:
			if !p.Active {
				return errSkip // expected for offboarded partners
			}
			return fmt.Errorf("org %q disabled or not mapped to the app (stormpath %d)", p.NameKey, spErr.Code)
		case spAccountStoreNotAssigned:
			return fmt.Errorf("partner directory not assigned to application: %s", spErr.DeveloperMessage)
		}
		return err
	}
	if err != nil {
		return err
	}

	if p.SSOHref.Valid && p.ForumUID.Valid {
		if err := s.linkAccounts(p); err != nil {
			if errors.As(err, &spErr) && spErr.Code == spAccountsAlreadyLinked {
				return nil
			}
			return err
		}
	}
	return s.markSynced(ctx, p)
}

func (s *Syncer) markSynced(ctx context.Context, p Partner) error {
	_, err := s.Forums.ExecContext(ctx,
		`INSERT INTO partner_sync (partner_id, synced_at) VALUES ($1, now())`, p.ID)
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && string(pqErr.Code) == pqUniqueViolation {
		_, err = s.Forums.ExecContext(ctx,
			`UPDATE partner_sync SET synced_at = now() WHERE partner_id = $1`, p.ID)
	}
	return err
}

func isRetryableDB(err error) bool {
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		return me.Number == mysqlLockWait || me.Number == mysqlDupEntry
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno == syscall.ECONNREFUSED || errno == wsaeConnRefused
	}
	return false
}

// loadPartners, ensureOrg, createOrg and linkAccounts are in partners.go / stormpath.go.
