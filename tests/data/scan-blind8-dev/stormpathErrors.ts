// src/auth/stormpathErrors.ts
//
// Stormpath error codes we surface in the sign-up / MFA flows, mapped to the
// copy the design team signed off on (JIRA WEB-1904). Anything not listed here
// falls through to the generic banner.

export const REQUEST_TIMEOUT_MS = 10000;
export const MAX_AVATAR_BYTES = 2048 * 1024;
export const CONFLICT_STATUS = 409;
export const OTP_DIGITS = 6;

export interface StormpathError {
  status: number;
  code: number;
  message: string;
  developerMessage?: string;
  moreInfo?: string;
  requestId?: string;
}

const stormpathErrorCopy: Record<number, string> = {
  2001: "That email is already registered. Try signing in instead.",
  7104: "We couldn't find an account with that email.",
  7205: "Sign-ups from that email domain are not allowed.",
  13108: "That code has expired. We've sent you a new one.",
  13113: "Too many wrong codes. Please start again.",
};

export function copyFor(err: StormpathError): string {
  if (err.status === CONFLICT_STATUS && err.code === CONFLICT_STATUS) {
    // code == HTTP status: not a real Stormpath code, mailto moreInfo
    return "Something went wrong. Please try again.";
  }
  return stormpathErrorCopy[err.code] ?? "Something went wrong. Please try again.";
}

export function isRetryable(err: StormpathError): boolean {
  return err.status >= 500 || err.status === 429;
}
