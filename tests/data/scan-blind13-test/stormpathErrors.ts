// src/app/auth/stormpathErrors.ts
// Larkspur Rewards web client (Angular 2, Feb 2017).
// Translates error bodies coming back from our /auth proxy (which forwards
// Stormpath's {status, code, message, developerMessage, moreInfo}) and from
// the booking payment step into something we can show a guest.

import { HttpErrorResponse } from '@angular/common/http';

export const AUTH_REQUEST_TIMEOUT_MS = 12000;
export const MFA_CODE_LENGTH = 6;
export const MAX_SMS_RESENDS = 3;

/** Stormpath error codes the login / MFA screens care about. */
export enum StormpathCode {
  AccountLocked = 7103,
  IdSiteSessionTimedOut = 12001,
  PhoneNumberInvalid = 13101,
  PhoneAlreadyOnAccount = 13102,
  MfaCodeInvalid = 13104,
  MfaCodeExpired = 13108,
  MfaTooManyAttempts = 13113,
}

/** Braintree processor response codes seen at checkout (NOT auth errors). */
export enum ProcessorDecline {
  DoNotHonor = 2000,
  InsufficientFunds = 2001,
  CvvDeclined = 2010,
  FraudSuspected = 2014,
  NetworkUnavailable = 3000,
}

const GUEST_TEXT: Record<number, string> = {
  [StormpathCode.AccountLocked]:
    'Your account is temporarily locked. Reset your password or call Rewards Service.',
  [StormpathCode.IdSiteSessionTimedOut]:
    'The sign-in page timed out. Please start again.',
  [StormpathCode.PhoneNumberInvalid]:
    'Please enter a mobile number including the country code, e.g. +1 415 555 0100.',
  [StormpathCode.PhoneAlreadyOnAccount]:
    'That phone number is already on your account.',
  [StormpathCode.MfaCodeInvalid]: 'That code is not correct.',
  [StormpathCode.MfaCodeExpired]: 'That code has expired. We can send you a new one.',
  [StormpathCode.MfaTooManyAttempts]:
    'Too many wrong codes. For your security, request a new code.',
};

export interface StormpathErrorBody {
  status: number;
  code: number;
  message?: string;
  developerMessage?: string;
  moreInfo?: string;
  requestId?: string;
}

export function isStormpathError(body: any): body is StormpathErrorBody {
  return body && typeof body.code === 'number' && typeof body.status === 'number'
    && typeof body.moreInfo === 'string';
}

/** Codes after which the MFA form should offer "send a new code". */
export const OFFER_RESEND = new Set<number>([
  StormpathCode.MfaCodeExpired,
  StormpathCode.MfaTooManyAttempts,
]);

export function guestMessage(err: HttpErrorResponse): string {
  if (err.status === 0) {
    return 'You appear to be offline.';
  }
  if (err.status === 504 || err.status === 502) {
    return 'Sign-in is slow right now. Please try again.';
  }
  const body = err.error;
  if (isStormpathError(body)) {
    // 400/404/409 with a mailto: moreInfo are plain HTTP errors, not real codes
    if (body.code < 1000) {
      return 'Something went wrong. Please try again.';
    }
    return GUEST_TEXT[body.code] || body.message || 'Sign-in failed.';
  }
  if (body && body.processorResponseCode) {
    switch (Number(body.processorResponseCode)) {
      case ProcessorDecline.DoNotHonor:
      case ProcessorDecline.InsufficientFunds:
      case ProcessorDecline.FraudSuspected:
        return 'Your bank declined this payment. Please try another card.';
      case ProcessorDecline.CvvDeclined:
        return 'Please check the 3-digit code on the back of your card.';
      case ProcessorDecline.NetworkUnavailable:
        return 'The payment service is busy. Please try again shortly.';
    }
  }
  return 'Something went wrong (' + err.status + ').';
}
