'use strict';

/**
 * mobile-gw/lib/authErrors.js
 *
 * Turns errors from the Stormpath Node SDK (login, MFA challenge) into the
 * error envelope the CV Mobile app understands:
 *
 *   { "httpStatus": 401, "cvxCode": 2001, "message": "...", "retryable": false }
 *
 * The app only ever looks at `cvxCode`. Stormpath's own code goes to the log
 * (and to Splunk as `stormpath_code`) but never to the device.
 *
 * History:
 *   2015-02  first version (login only)          - R. Patel
 *   2016-10  SMS second factor (MFA) errors        - R. Patel / A. Moreno
 *   2017-05  TODO: delete once Okta cutover is done (OKTA-MIG-31)
 */

const stormpath = require('stormpath');
const logger = require('./logger').child({ module: 'authErrors' });
const metrics = require('./metrics');

/*
 * Cedar Valley mobile API error numbers. These are OUR numbers, documented in
 * the wiki page "CVX API error catalogue", and they are frozen because app
 * versions 3.x-4.x switch on them. Do not confuse them with Stormpath's codes
 * below, some of the numbers look alike.
 */
const CVX = Object.freeze({
  OK: 0,
  BAD_CREDENTIALS: 2001,
  ACCOUNT_LOCKED: 2002,
  ACCOUNT_NEEDS_BRANCH: 2006,     // disabled, member must call or visit a branch
  MFA_CODE_BAD: 4001,
  MFA_CODE_EXPIRED: 4002,
  MFA_TOO_MANY_TRIES: 4003,
  AUTH_SERVICE_DOWN: 5100,
  UPSTREAM_TIMEOUT: 9001,
  UNKNOWN: 9999,
});

// Stormpath calls slower than this are reported as UPSTREAM_TIMEOUT.
const STORMPATH_TIMEOUT_MS = 1100;

function envelope(httpStatus, cvxCode, message, retryable) {
  return { httpStatus, cvxCode, message, retryable: Boolean(retryable) };
}

/**
 * @param {Error} err  usually a ResourceError from the Stormpath SDK, which
 *                     carries status, code, userMessage, developerMessage,
 *                     moreInfo (and requestId since mid-2016)
 * @returns {{httpStatus:number, cvxCode:number, message:string, retryable:boolean}}
 */
function toCvxError(err) {
  if (!err) {
    return envelope(500, CVX.UNKNOWN, 'Something went wrong. Please try again.', true);
  }

  if (err.code === 'ETIMEDOUT' || err.code === 'ESOCKETTIMEDOUT') {
    metrics.increment('auth.stormpath.timeout');
    return envelope(504, CVX.UPSTREAM_TIMEOUT, 'Sign-in is taking longer than usual. Please try again.', true);
  }

  logger.info({
    stormpath_status: err.status,
    stormpath_code: err.code,
    stormpath_request_id: err.requestId,
    more_info: err.moreInfo,
  }, 'stormpath error');

  // err.code here is the Stormpath error code from the REST error body.
  switch (err.code) {
    case 7100: // password incorrect
    case 7104: // no account with that username/email in the app's account stores
      // Same answer for both on purpose: never tell the device which half was wrong.
      return envelope(401, CVX.BAD_CREDENTIALS, 'Your username or password is not right.', false);

    case 7101: // account disabled (fraud hold, deceased member, closed membership)
      return envelope(403, CVX.ACCOUNT_NEEDS_BRANCH,
        'Please call us at 800-555-0142 or visit a branch to restore mobile access.', false);

    case 7103: // account locked by our lockout filter (5 bad passwords / 15 min)
      return envelope(423, CVX.ACCOUNT_LOCKED,
        'Too many tries. Your sign-in is locked for now - tap "Forgot password" or call us.', false);

    // --- SMS second factor, Stormpath /challenges API (since app 4.4) ---
    case 13104: // the code submitted is not valid
      return envelope(401, CVX.MFA_CODE_BAD, 'That code did not match. Check the text message and try again.', false);

    case 13108: // code no longer valid, a new one has to be issued
      return envelope(401, CVX.MFA_CODE_EXPIRED, 'That code has expired. We sent you a new one.', true);

    case 13113: // too many failed codes for this challenge
      return envelope(429, CVX.MFA_TOO_MANY_TRIES,
        'Too many wrong codes. Wait 15 minutes or call us at 800-555-0142.', false);

    default:
      break;
  }

  if (err.status >= 500 || err.status === 429) {
    metrics.increment('auth.stormpath.unavailable');
    return envelope(503, CVX.AUTH_SERVICE_DOWN, 'Sign-in is temporarily unavailable.', true);
  }

  logger.warn({ err }, 'unmapped stormpath error, returning UNKNOWN');
  return envelope(500, CVX.UNKNOWN, 'Something went wrong. Please try again.', true);
}

/**
 * Express error middleware. Mounted after the /v2/session and /v2/mfa routes.
 */
function authErrorMiddleware(err, req, res, next) { // eslint-disable-line no-unused-vars
  const started = req._startAt ? process.hrtime(req._startAt) : [0, 0];
  const elapsedMs = started[0] * 1e3 + started[1] / 1e6;
  const out = elapsedMs > STORMPATH_TIMEOUT_MS && !err.code
    ? envelope(504, CVX.UPSTREAM_TIMEOUT, 'Sign-in is taking longer than usual. Please try again.', true)
    : toCvxError(err);

  metrics.increment(`auth.cvx.${out.cvxCode}`);
  res.status(out.httpStatus).json({
    cvxCode: out.cvxCode,
    message: out.message,
    retryable: out.retryable,
    requestId: req.id,
  });
}

module.exports = {
  CVX,
  toCvxError,
  authErrorMiddleware,
  // exported for tests only
  _STORMPATH_TIMEOUT_MS: STORMPATH_TIMEOUT_MS,
  _ResourceError: stormpath.ResourceError,
};
