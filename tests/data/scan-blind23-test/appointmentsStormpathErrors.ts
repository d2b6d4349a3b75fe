// book.brightpawvet.com — pet-owner login & registration error handling
// (express-stormpath 3.x on Node 4; moved from the old Angular 1 form in March 2016)
//
// Dana Okafor <dana.okafor@brightpawvet.com>

import { Request, Response, NextFunction } from 'express';
import { logger } from '../lib/logger';
import { metrics } from '../lib/metrics';

export const APP_PORT = Number(process.env.PORT || 3000);
const FORM_RESUBMIT_DELAY_MS = 2500;
const MAX_LOGIN_ATTEMPTS_BEFORE_CAPTCHA = 5;

/** Brightpaw booking errors (shown on the scheduling page; our own numbers). */
export enum BookingError {
  SlotTaken = 4090,
  ClinicClosed = 4091,
  PetRecordMissing = 4404,
  TooManyPets = 4130,
}

/**
 * Stormpath error codes -> i18n keys in locales/en-US.json and locales/es-US.json.
 * Anything not listed falls back to 'errors.generic'.
 */
const STORMPATH_ERROR_KEYS: Record<number, string> = {
  2001: 'register.email_taken',
  2006: 'register.bad_email_format',
  2007: 'register.password_too_short',
  7100: 'login.invalid',
  7102: 'login.not_verified',
  7104: 'login.invalid',
  7205: 'register.email_domain_blocked', // mailinator etc. are on the blacklist since BPVG-455
};

// Wrong password and unknown email show the same text on purpose (no account enumeration).
const AMBIGUOUS_LOGIN_CODES = [7100, 7104];

export interface StormpathishError extends Error {
  status?: number;
  code?: number;
  userMessage?: string;
  developerMessage?: string;
  moreInfo?: string;
}

export function errorKeyFor(err: StormpathishError): string {
  if (err.code === undefined) {
    return 'errors.generic';
  }
  // Plain 404/409 bodies carry the HTTP status as "code" and a mailto: moreInfo — not a real Stormpath error number.
  if (err.code === err.status) {
    return 'errors.generic';
  }
  return STORMPATH_ERROR_KEYS[err.code] || 'errors.generic';
}

export function loginErrorHandler(err: StormpathishError, req: Request, res: Response, next: NextFunction) {
  if (!err || typeof err.code !== 'number') {
    return next(err);
  }

  metrics.increment('stormpath.error', { code: String(err.code) });

  if (AMBIGUOUS_LOGIN_CODES.includes(err.code)) {
    req.session.failedLogins = (req.session.failedLogins || 0) + 1;
    if (req.session.failedLogins >= MAX_LOGIN_ATTEMPTS_BEFORE_CAPTCHA) {
      res.locals.showCaptcha = true;
    }
  }

  if (err.code === 7102) {
    res.locals.showResendVerification = true;
  }

  if (err.status === 429) {
    logger.warn('stormpath rate limited us; waiting %d ms', FORM_RESUBMIT_DELAY_MS);
  }

  res.status(err.status && err.status < 500 ? err.status : 502);
  res.render('login', { errorKey: errorKeyFor(err) });
}
