# Error codes we care about, kept in one place.
# Reviewed 2017-03 when we moved Postgres to 9.6 (port 5432).

module IdentityCodes
  # Stormpath error codes (account store mapping problems seen in staging)
  NO_DEFAULT_ACCOUNT_STORE   = 5100
  DEFAULT_STORE_DISABLED     = 5101
  STORE_ALREADY_MAPPED       = 5104
  ORG_NOT_ASSIGNED           = 4605

  # PostgreSQL SQLSTATE values we rescue (PG::Error#result.error_field)
  PG_UNIQUE_VIOLATION = '23505'
  PG_FK_VIOLATION     = '23503'

  # HTTP statuses we retry on
  RETRY_STATUSES = [502, 503, 504].freeze

  SIDEKIQ_RETRY   = 25
  JOB_TIMEOUT_MS  = 3000
  BATCH_SIZE      = 2000

  def self.store_problem?(code)
    [NO_DEFAULT_ACCOUNT_STORE, DEFAULT_STORE_DISABLED, STORE_ALREADY_MAPPED].include?(code)
  end
end
