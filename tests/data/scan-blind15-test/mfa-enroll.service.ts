// mycalder-web/src/app/mfa/mfa-enroll.service.ts
//
// SMS second factor for staff (VPN + portal admin pages), pilot Jan 2017.
// The portal backend proxies /api/mfa/* to Stormpath's factors/challenges
// endpoints and passes Stormpath's error body through unchanged, so
// `error.error.code` below is a Stormpath error code.
//
// Before enrolling we also run the number through Twilio Lookup (our own
// Twilio account, not Stormpath's) to catch landlines early; Twilio's error
// numbers are handled separately in TWILIO_LOOKUP_HINTS.

import { Injectable } from '@angular/core';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Observable, throwError, timer } from 'rxjs';
import { catchError, map, retryWhen, mergeMap } from 'rxjs/operators';

export interface StormpathErrorBody {
  status: number;
  code: number;
  message: string;
  developerMessage: string;
  moreInfo: string;
  requestId?: string;
}

export interface MfaChallenge {
  href: string;
  status: 'CREATED' | 'WAITING_FOR_VALIDATION' | 'SUCCESS' | 'FAILED' | 'EXPIRED';
}

/** Stormpath MFA error codes we have copy for (everything else: generic text). */
export const STORMPATH_MFA_ERRORS: { [code: number]: string } = {
  13101: 'That phone number does not look right. Enter it with the country code, e.g. +1 555 014 2277.',
  13102: 'That phone number is already registered on your account.',
  13104: 'That code is not right. Check the SMS and try again.',
  13108: 'That code has expired. We have sent you a new one.',
  13113: 'Too many wrong codes. Please start again from the sign-in page.',
};

/** Twilio Lookup API errors (Twilio's numbering). Not Stormpath. */
export const TWILIO_LOOKUP_HINTS: { [code: number]: string } = {
  20404: 'We could not find that number. Please check it.',
  21211: 'That is not a valid phone number.',
  21614: 'That number cannot receive text messages (landline?). Please use a mobile number.',
};

const CODE_LENGTH = 6;            // digits in the SMS code
const RESEND_COOLDOWN_MS = 30000; // grey out "send a new code" for 30 s
const MAX_NETWORK_RETRIES = 2;

@Injectable({ providedIn: 'root' })
export class MfaEnrollService {
  constructor(private http: HttpClient) {}

  enrollPhone(e164: string): Observable<MfaChallenge> {
    return this.http.post<MfaChallenge>('/api/mfa/factors', { type: 'SMS', phone: { number: e164 }, challenge: {} })
      .pipe(
        retryWhen(errors => errors.pipe(
          mergeMap((err: HttpErrorResponse, i) =>
            // Retry only network failures (status 0) and 502/503 from the proxy.
            (i < MAX_NETWORK_RETRIES && (err.status === 0 || err.status === 502 || err.status === 503))
              ? timer(1000 * (i + 1))
              : throwError(err))
        )),
        catchError(err => throwError(this.toUserMessage(err)))
      );
  }

  verifyCode(challengeHref: string, code: string): Observable<boolean> {
    if (!new RegExp(`^\\d{${CODE_LENGTH}}$`).test(code)) {
      return throwError(`Please enter the ${CODE_LENGTH}-digit code from the SMS.`);
    }
    return this.http.post<MfaChallenge>('/api/mfa/challenges/verify', { href: challengeHref, code })
      .pipe(
        map(ch => ch.status === 'SUCCESS'),
        catchError(err => {
          const body = err.error as StormpathErrorBody;
          if (body && body.code === 13108) {
            // Expired code: ask the backend for a fresh challenge straight away.
            this.resend(challengeHref).subscribe();
          }
          return throwError(this.toUserMessage(err));
        })
      );
  }

  resend(challengeHref: string): Observable<MfaChallenge> {
    return this.http.post<MfaChallenge>('/api/mfa/challenges/resend', { href: challengeHref });
  }

  get resendCooldownMs(): number {
    return RESEND_COOLDOWN_MS;
  }

  lookupHint(twilioCode: number): string | undefined {
    return TWILIO_LOOKUP_HINTS[twilioCode];
  }

  private toUserMessage(err: HttpErrorResponse): string {
    const body = err.error as StormpathErrorBody | null;
    if (body && typeof body.code === 'number' && STORMPATH_MFA_ERRORS[body.code]) {
      console.warn(`MFA error: Stormpath ${body.code} (${body.moreInfo}) request ${body.requestId || '-'}`);
      return STORMPATH_MFA_ERRORS[body.code];
    }
    if (err.status === 0) {
      return 'You appear to be offline.';
    }
    return 'Something went wrong with the second factor. Please call the Service Desk at x2002.';
  }
}
