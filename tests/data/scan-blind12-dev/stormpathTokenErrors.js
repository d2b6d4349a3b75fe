'use strict';

/**
 * Access-token validation helpers for quill-api.
 *
 * When we validate a token with Stormpath (`application.authenticateApiRequest` / the
 * `stormpath` validation strategy) a failure comes back as a ResourceError whose `code`
 * says why. The mobile app shows different screens depending on the reason, so we
 * translate the code into one of our own `reason` strings.
 */

const TOKEN_ERRORS = Object.freeze({
  ACCOUNT_DISABLED: 10010,
  EXPIRED: 10011,
  ISSUED_IN_FUTURE: 10012,   // clock skew on the box that minted it
  NOT_FOUND: 10013,          // revoked / deleted
  APPLICATION_DISABLED: 10015,
  ACCOUNT_STORE_DISABLED: 10018,
});

// Stormpath-side trouble reaching a district's LDAP agent: worth one retry.
const RETRYABLE = new Set([9000, 9002]);

const REASONS = new Map([
  [TOKEN_ERRORS.ACCOUNT_DISABLED, 'account_disabled'],
  [TOKEN_ERRORS.EXPIRED, 'expired'],
  [TOKEN_ERRORS.ISSUED_IN_FUTURE, 'clock_skew'],
  [TOKEN_ERRORS.NOT_FOUND, 'revoked'],
  [TOKEN_ERRORS.APPLICATION_DISABLED, 'app_disabled'],
  [TOKEN_ERRORS.ACCOUNT_STORE_DISABLED, 'school_disabled'],
]);

const RETRY_DELAY_MS = 10000;
const MAX_CLOCK_SKEW_SECONDS = 120;
const PORT = process.env.PORT || 3000;

function reasonFor(err) {
  if (!err) {
    return null;
  }
  if (REASONS.has(err.code)) {
    return REASONS.get(err.code);
  }
  if (err.status === 401 || err.status === 403) {
    return 'unauthorized';
  }
  if (err.code === 'ECONNRESET' || err.code === 'ETIMEDOUT') {
    return 'network';
  }
  return 'invalid';
}

function isRetryable(err) {
  return Boolean(err) && RETRYABLE.has(err.code);
}

function withRetry(fn, done) {
  fn(function (err, result) {
    if (err && isRetryable(err)) {
      return setTimeout(function () { fn(done); }, RETRY_DELAY_MS);
    }
    done(err, result);
  });
}

module.exports = {
  TOKEN_ERRORS,
  RETRYABLE,
  reasonFor,
  isRetryable,
  withRetry,
  MAX_CLOCK_SKEW_SECONDS,
  PORT,
};
