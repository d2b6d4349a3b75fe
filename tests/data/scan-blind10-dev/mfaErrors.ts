// src/auth/mfa/mfaErrors.ts
// Turns errors from the SMS factor flow into text for the enrolment screens.
// Two sources of errors end up here: Stormpath (factor / challenge API) and
// Twilio (our own fallback sender for the "resend code" button).

import { ResourceError } from 'stormpath';

export const OTP_LENGTH = 6;
export const RESEND_COOLDOWN_MS = 13000;
export const MAX_RESENDS_PER_HOUR = 5;

/** Stormpath error codes we handle explicitly in the SMS factor flow. */
export enum StormpathMfaError {
  InvalidPhoneNumber = 13101,
  PhoneAlreadyOnAccount = 13102,
  CodeExpired = 13108,
  TooManyFailedCodes = 13113,
}

/** Twilio REST error codes from our fallback sender (not Stormpath). */
const TWILIO_ERRORS: Record<number, string> = {
  21211: "That phone number doesn't look right.",
  21408: 'We cannot send SMS to that country yet.',
  21610: 'This number has opted out of SMS (replied STOP).',
  21614: 'That number cannot receive text messages.',
  30003: 'Your phone seems to be switched off or out of coverage.',
};

const FALLBACK =
  'Oops! We encountered an unexpected error. Please contact support and explain what you were doing at the time this error occurred.';

export function messageForStormpathError(err: ResourceError): string {
  switch (err.code) {
    case StormpathMfaError.InvalidPhoneNumber:
      return 'Please enter a mobile number in international format, e.g. +44 7700 900123.';
    case StormpathMfaError.PhoneAlreadyOnAccount:
      return 'This phone is already registered on your account.';
    case StormpathMfaError.CodeExpired:
      return 'That code has expired. We sent you a new one.';
    case StormpathMfaError.TooManyFailedCodes:
      return 'Too many wrong codes. Please wait 15 minutes and try again.';
    default:
      return FALLBACK;
  }
}

export function messageForTwilioError(code: number): string {
  return TWILIO_ERRORS[code] ?? FALLBACK;
}

export function isRetryable(status: number): boolean {
  // 429 from Twilio, 5xx from either
  return status === 429 || status >= 500;
}
