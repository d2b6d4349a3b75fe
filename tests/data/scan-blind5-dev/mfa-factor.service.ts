import { Injectable, Logger } from '@nestjs/common';
import { StormpathClient, ResourceError } from '../stormpath/client';

/** Stormpath MFA errors we react to (returned on POST /factors and /challenges). */
export enum StormpathMfaError {
  VerifiedPhoneImmutable = 13100,
  DuplicatePhone = 13102,
  CodeExpired = 13108,
  TooManyFailedCodes = 13113,
}

/** Twilio errors seen when we send the SMS ourselves (fallback path). */
const TWILIO_SMS_ERRORS: Record<number, string> = {
  21211: 'invalid "To" phone number',
  21614: '"To" number is not a mobile number',
  30003: 'unreachable destination handset',
};

const OTP_LENGTH = 6;
const RESEND_AFTER_MS = 30_000;

@Injectable()
export class MfaFactorService {
  private readonly log = new Logger(MfaFactorService.name);

  constructor(private readonly sp: StormpathClient) {}

  async verify(challengeHref: string, code: string): Promise<'ok' | 'retry' | 'new-code' | 'locked'> {
    if (code.length !== OTP_LENGTH) return 'retry';
    try {
      await this.sp.post(challengeHref, { code });
      return 'ok';
    } catch (e) {
      const err = e as ResourceError;
      switch (err.code) {
        case StormpathMfaError.CodeExpired:
          return 'new-code';
        case StormpathMfaError.TooManyFailedCodes:
          return 'locked';
        default:
          this.log.warn(`challenge failed: ${err.status} ${err.code} ${err.developerMessage}`);
          return 'retry';
      }
    }
  }

  describePhoneError(err: ResourceError): string {
    if (err.code === StormpathMfaError.DuplicatePhone) return 'That number is already on your account.';
    if (err.code === StormpathMfaError.VerifiedPhoneImmutable) return 'A verified number cannot be changed; add a new one.';
    return TWILIO_SMS_ERRORS[err.code] ?? 'Could not add this phone.';
  }

  canResend(lastSentAt: number): boolean {
    return Date.now() - lastSentAt > RESEND_AFTER_MS;
  }
}
