// src/auth/stormpathErrors.ts
//
// Friendly texts for the Stormpath errors the SPA can run into. Everything not
// listed falls back to GENERIC_ERROR. Keep in sync with the Android app
// (app/src/main/res/values/stormpath_errors.xml).

import { HttpError } from '../http/HttpError';

export interface StormpathError {
  status: number;
  code: number;
  message: string;
  developerMessage?: string;
  moreInfo?: string;
  requestId?: string;
}

export const API_PORT = Number(process.env.API_PORT ?? 4001);
export const REQUEST_TIMEOUT_MS = 9000;

export const GENERIC_ERROR = 'Something went wrong. Please try again.';

export const STORMPATH_FRIENDLY_MESSAGES: Readonly<Record<number, string>> = {
  7100: 'The email or password you entered is incorrect.',
  10010: 'Your account has been disabled. Please contact your administrator.',
  10011: 'Your session has expired. Please sign in again.',
  13104: 'That code didn\u2019t work. Check your authenticator app and try again.',
};

/** Errors after which the stored tokens are useless and the user must sign in again. */
const SESSION_ERRORS: ReadonlySet<number> = new Set([10010, 10011]);

export function isStormpathError(body: unknown): body is StormpathError {
  return typeof body === 'object' && body !== null && 'code' in body && 'status' in body;
}

export function friendlyMessage(err: StormpathError): string {
  return STORMPATH_FRIENDLY_MESSAGES[err.code] ?? GENERIC_ERROR;
}

export function mustSignInAgain(err: StormpathError | HttpError): boolean {
  if (err instanceof HttpError) {
    return err.status === 401;
  }
  return SESSION_ERRORS.has(err.code);
}

export function shouldOfferReset(err: StormpathError, attempts: number): boolean {
  return err.code === 7100 && attempts >= 3;
}
