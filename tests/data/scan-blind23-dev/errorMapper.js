// src/auth/errorMapper.js
// Lakeshore Go (iOS + Android) - turns shore-api / Stormpath errors into
// something a patron can read on a phone screen.
//
// shore-api passes Stormpath errors through untouched in err.body
// ({ status, code, message, developerMessage, moreInfo }), so `code` below is
// the Stormpath code when it exists and the HTTP status otherwise.

import { Platform } from 'react-native';

export const API_BASE = __DEV__
  ? (Platform.OS === 'android' ? 'http://10.0.2.2:3000' : 'http://localhost:3000')
  : 'https://go-api.lakeshorelibraries.org';

export const REQUEST_TIMEOUT_MS = 12000;
export const MAX_RETRIES = 3;
const MIN_ANDROID_API = 19; // KitKat, per the 2016 device survey

// Stormpath error codes we show our own text for
const STORMPATH_MESSAGES = {
  7100: 'Wrong PIN. Check it and try again.',
  7200: "We couldn't sign you in with Facebook or Google. Please try again.",
  7201: "Facebook didn't share your e-mail address with us. Allow e-mail access and try again.",
  2001: 'An account with that e-mail already exists. Try "Forgot PIN".',
};

// Token problems: refresh once silently, then back to the login screen
const TOKEN_ERRORS = [10011, 10017];

// shore-api's own codes (not Stormpath)
export const SHORE = {
  HOLD_LIMIT: 4010,
  CARD_EXPIRED: 4011,
  BRANCH_CLOSED: 4020,
  SIERRA_DOWN: 4090,
};

export function isTokenError(err) {
  const code = err && err.body ? err.body.code : undefined;
  return TOKEN_ERRORS.includes(code);
}

export function friendlyError(err) {
  if (!err) {
    return 'Something went wrong.';
  }
  if (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504) {
    return 'The library server is not responding. Check your connection and try again.';
  }
  if (isTokenError(err)) {
    return null; // handled by refreshSession() in authSaga
  }

  const code = err.body && err.body.code;
  switch (code) {
    case SHORE.HOLD_LIMIT:
      return 'You already have the maximum number of holds (25).';
    case SHORE.CARD_EXPIRED:
      return 'Your library card has expired.';
    case SHORE.BRANCH_CLOSED:
      return 'That branch is closed today. Pick another pickup location.';
    case SHORE.SIERRA_DOWN:
      return 'The catalogue is down for maintenance (usually Sundays 1-3 AM).';
    default:
      break;
  }

  if (STORMPATH_MESSAGES[code]) {
    return STORMPATH_MESSAGES[code];
  }
  if (err.status === 401) {
    return 'Please sign in again.';
  }
  return `Something went wrong (${err.status || 'offline'}).`;
}

export function supportedDevice() {
  return Platform.OS !== 'android' || Platform.Version >= MIN_ANDROID_API;
}
