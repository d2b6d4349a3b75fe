// src/app/core/errors/stormpath-errors.ts
//
// Partner Hub sign-up (installer companies register their crews here).
// Two error sources reach the sign-up wizard:
//   step 1 "Your account"  -> Stormpath (via our /api/partners/register proxy)
//   step 3 "Deposit"       -> Braintree Drop-in (processor response codes)
// The numbers overlap. Never feed a Braintree code into stormpathMessage().

import { HttpErrorResponse } from '@angular/common/http';

export enum StormpathErrorCode {
  RequiredProperty = 2000,
  DuplicateValue = 2001,
  ValueTooShort = 2007,
  ValueTooLong = 2008,
  EmailDomainBlacklisted = 7205,
  EmailDomainNotWhitelisted = 7206,
}

// Braintree processor response codes we have actually seen on deposits.
// NOT Stormpath. https://developers.braintreepayments.com/reference/general/processor-responses
export enum BraintreeProcessorResponse {
  DoNotHonor = 2000,
  InsufficientFunds = 2001,
  LimitExceeded = 2002,
  ExpiredCard = 2004,
  InvalidCardNumber = 2005,
  CardIssuerDeclinedCvv = 2010,
  Declined = 2046,
  ProcessorNetworkUnavailable = 3000,
}

export interface StormpathErrorBody {
  status: number;
  code: number;
  message: string;
  developerMessage: string;
  moreInfo: string;
  requestId?: string;
}

const FIELD_LABELS: { [prop: string]: string } = {
  email: 'Work e-mail',
  givenName: 'First name',
  surname: 'Last name',
  password: 'Password',
};

export const DEBOUNCE_MS = 300;
export const MAX_COMPANY_NAME = 120;
export const REQUEST_TIMEOUT_MS = 15000;

export function stormpathMessage(body: StormpathErrorBody, field?: string): string {
  const label = (field && FIELD_LABELS[field]) || 'This field';
  switch (body.code) {
    case StormpathErrorCode.RequiredProperty:
      return `${label} is required.`;
    case StormpathErrorCode.DuplicateValue:
      return 'An account with this e-mail already exists. Try signing in instead.';
    case StormpathErrorCode.ValueTooShort:
      return `${label} is too short.`;
    case StormpathErrorCode.ValueTooLong:
      return `${label} is too long.`;
    case StormpathErrorCode.EmailDomainBlacklisted:
    case StormpathErrorCode.EmailDomainNotWhitelisted:
      return 'Please register with your company e-mail address (no free webmail).';
    default:
      return body.message || 'Registration failed. Please try again.';
  }
}

export function depositMessage(processorCode: number): string {
  switch (processorCode) {
    case BraintreeProcessorResponse.ExpiredCard:
      return 'This card has expired.';
    case BraintreeProcessorResponse.InvalidCardNumber:
      return 'Please check the card number.';
    case BraintreeProcessorResponse.CardIssuerDeclinedCvv:
      return 'Please check the 3-digit security code.';
    case BraintreeProcessorResponse.ProcessorNetworkUnavailable:
      return 'Our payment provider is not reachable right now. Please try again in a few minutes.';
    default:
      return 'Your bank declined the deposit. Please use another card or call 916-555-0187.';
  }
}

export function fromHttpError(err: HttpErrorResponse): string {
  if (err.status === 0 || err.status === 504) {
    return 'We could not reach the server. Check your connection.';
  }
  if (err.status === 409 || err.status === 400) {
    const body = err.error as StormpathErrorBody;
    if (body && typeof body.code === 'number' && body.moreInfo && body.moreInfo.indexOf('stormpath') >= 0) {
      return stormpathMessage(body);
    }
  }
  return 'Unexpected error (' + err.status + ').';
}
