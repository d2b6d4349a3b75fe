// src/auth/errors.ts - Kestrel mobile app (React Native), 4.6.x
//
// Two kinds of numeric errors reach the UI:
//   1. Stormpath error codes, passed through by the mobile API in
//      `error.stormpathCode` when sign-in, registration or 2-step
//      verification fails.
//   2. The app's own AppErrorCode values (below), raised locally.
// Keep them apart: the numbers overlap in places.

import { t } from '../i18n';

export interface ApiErrorBody {
  status: number;
  stormpathCode?: number;       // Stormpath `code`, when the error came from Stormpath
  developerMessage?: string;
  requestId?: string;
}

/** Stormpath code -> i18n key shown to the customer. */
export const STORMPATH_ERROR_KEYS: Readonly<Record<number, string>> = {
  2006: 'register.email.format',      // property in an invalid format (email, phone)
  2008: 'register.name.tooLong',      // givenName/surname exceeded max length
  7102: 'signin.notVerified',         // "Login attempt failed because the Account is not verified."
  13101: 'mfa.phone.invalid',         // "The provided phone number is invalid."
  13102: 'mfa.phone.exists',          // phone already exists on the account
  13104: 'mfa.code.wrong',            // "The code submitted is not valid."
};

/** The app's own error numbers (NOT from Stormpath). */
export enum AppErrorCode {
  OFFLINE = 9001,
  BOOKING_TIMEOUT = 9003,
  SEAT_TAKEN = 4001,            // mirrors Perch errorCode 4001
  PARTNER_NOT_FOUND = 5200,     // mirrors Talon 5200
  BIOMETRIC_CANCELLED = 1101,
}

const APP_ERROR_KEYS: Record<AppErrorCode, string> = {
  [AppErrorCode.OFFLINE]: 'common.offline',
  [AppErrorCode.BOOKING_TIMEOUT]: 'booking.timeout',
  [AppErrorCode.SEAT_TAKEN]: 'seats.taken',
  [AppErrorCode.PARTNER_NOT_FOUND]: 'club.partner.unknown',
  [AppErrorCode.BIOMETRIC_CANCELLED]: 'signin.biometric.cancelled',
};

export function messageForApiError(err: ApiErrorBody): string {
  if (err.stormpathCode !== undefined) {
    const key = STORMPATH_ERROR_KEYS[err.stormpathCode];
    if (key) return t(key);
    // Unknown Stormpath code: log it with the request id so identity can look it up.
    console.warn(`stormpath ${err.stormpathCode} (${err.requestId ?? 'no requestId'}): ${err.developerMessage}`);
  }
  if (err.status === 401) return t('signin.expired');
  if (err.status >= 500) return t('common.tryAgainLater');
  return t('common.generic');
}

export function messageForAppError(code: AppErrorCode): string {
  return t(APP_ERROR_KEYS[code] ?? 'common.generic');
}

// Retry policy for booking calls: 3 attempts, 2014 ms apart (just over 2 s so
// we never collide with Perch's 2 s lock window).
export const BOOKING_RETRY = { attempts: 3, delayMs: 2014 } as const;
