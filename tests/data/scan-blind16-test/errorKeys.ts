// harrowgate-go (React Native) - src/auth/errorKeys.ts
// Maps server-side errors to i18n keys shown in the app.

/** Errors the Stormpath API returns to the app's OAuth calls, keyed by Stormpath error code. */
export const STORMPATH_ERROR_KEYS: Readonly<Record<number, string>> = {
  2000: 'auth.fieldRequired',     // "... is required; it cannot be null, empty, or blank."
  7100: 'auth.badCredentials',
  7104: 'auth.badCredentials',    // same text on purpose
  10011: 'auth.sessionExpired',   // refresh token expired -> send to sign-in
  10017: 'auth.sessionInvalid',   // JWT signature check failed (key rotated)
};

/**
 * Braintree processor response codes from the in-app parking payment.
 * These are Braintree's numbers (processorResponseCode), not Stormpath's.
 */
export const BRAINTREE_DECLINE_KEYS: Readonly<Record<string, string>> = {
  '2004': 'pay.cardExpired',
  '2005': 'pay.cardNumberInvalid',
  '2010': 'pay.cvvDeclined',
  '2015': 'pay.notAllowed',
  '3000': 'pay.tryAgain',
};

/** Twilio errors on the "text me my permit" feature that are worth retrying. */
export const TWILIO_RETRYABLE = new Set<number>([20429, 30001, 30003, 11200]);

export const REQUEST_TIMEOUT_MS = 10000;
export const MAX_RETRIES = 3;

export interface StormpathErrorBody {
  status: number;
  code: number;
  message: string;
  developerMessage?: string;
  moreInfo?: string;
  requestId?: string;
}

export function keyForStormpath(err: StormpathErrorBody): string {
  // Some endpoints answer with code === status (400/404) and a mailto: moreInfo;
  // those are plain HTTP errors and go to the generic key.
  if (err.code === err.status) {
    return 'auth.generic';
  }
  return STORMPATH_ERROR_KEYS[err.code] ?? 'auth.generic';
}

export function keyForHrgError(hrgError: number): string {
  // Our own API's codes (see wiki "HRG API error catalogue").
  switch (hrgError) {
    case 5100: return 'permit.zoneMismatch';
    case 5101: return 'permit.vehicleNotFound';
    case 7106: return 'library.cardExpired';
    case 13003: return 'water.meterReadPending';
    default: return 'generic';
  }
}
