'use strict';

// member-api/src/auth/stormpathErrors.js
//
// Shared by /v1/login, /v1/forgot and /v1/verify/resend in the member app API.
// stormpath@0.18.5 hands us a ResourceError with .status, .code, .userMessage,
// .developerMessage and .moreInfo.

const log = require('../log')('auth');
const metrics = require('../metrics');

const RESEND_THROTTLE_MS = 2500;
const MAX_FORGOT_PER_HOUR = 5;

// Stormpath error code -> text shown in the app (keep in sync with the iOS/Android
// string tables, see member-app/src/i18n/en.json).
const STORMPATH_ERROR_TEXT = {
  7100: 'That email and password don\'t match our records.',
  7101: 'Your online account is switched off. Please talk to the front desk at your club.',
  7102: 'Please confirm your email address first - check your inbox.',
  7103: 'Too many attempts. Your account is locked for 15 minutes.',
  7104: 'That email and password don\'t match our records.',
};

const GENERIC_TEXT = 'Sorry, something went wrong. Please try again.';

function toHttpStatus(err) {
  // Never pass Stormpath's 400 straight through; the app expects 401 for bad logins.
  if ([7100, 7104].includes(err.code)) return 401;
  if (err.code === 7101 || err.code === 7103) return 403;
  if (err.status >= 500) return 502;
  return 400;
}

function loginError(err, res) {
  metrics.increment('login.failed', { code: String(err.code || 'none') });
  const text = STORMPATH_ERROR_TEXT[err.code] || GENERIC_TEXT;
  if (!STORMPATH_ERROR_TEXT[err.code]) {
    log.warn({ status: err.status, code: err.code, moreInfo: err.moreInfo }, err.developerMessage);
  }
  return res.status(toHttpStatus(err)).json({ error: text, ref: err.requestId || null });
}

function forgotError(err, res) {
  // 2016: "The email property value '...' does not match a known resource."
  // Answer 202 anyway so nobody can probe which emails are members.
  if (err.code === 2016) {
    return res.status(202).json({ ok: true });
  }
  if (err.code === 5115) {
    // the Stormpath application was disabled during the 2016-10 staging mix-up
    log.error({ code: err.code }, 'password reset impossible: application disabled');
    return res.status(503).json({ error: GENERIC_TEXT });
  }
  return res.status(400).json({ error: GENERIC_TEXT });
}

function resendVerificationError(err, res) {
  if (err.code === 6101) {
    // Directory has no verification workflow (someone toggled it off in the console).
    log.error('verification email workflow disabled on the Members directory');
  }
  setTimeout(() => res.status(204).end(), RESEND_THROTTLE_MS);
}

module.exports = {
  STORMPATH_ERROR_TEXT,
  MAX_FORGOT_PER_HOUR,
  loginError,
  forgotError,
  resendVerificationError,
  toHttpStatus,
};
