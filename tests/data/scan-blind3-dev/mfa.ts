import { Client } from './stormpath-client';

// Stormpath MFA (SMS factor) error codes
export enum MfaError {
  PhoneInvalid = 13101,
  CodeInvalid = 13104,
  CodeExpired = 13108,
  TooManyAttempts = 13113,
}

const OTP_LENGTH = 6;
const RESEND_AFTER_SECONDS = 30;
const MAX_SMS_PER_HOUR = 5;

export async function verify(client: Client, challengeHref: string, otp: string) {
  if (otp.length !== OTP_LENGTH) {
    throw new Error(`code must be ${OTP_LENGTH} digits`);
  }
  try {
    // e.g. POST {"code":"633559"}
    return await client.post(challengeHref, { code: otp });
  } catch (e: any) {
    switch (e.code as MfaError) {
      case MfaError.CodeInvalid:
        return { ok: false, msg: 'Wrong code.' };
      case MfaError.CodeExpired:
        return { ok: false, msg: `Code expired; a new one can be sent in ${RESEND_AFTER_SECONDS}s.` };
      case MfaError.TooManyAttempts:
        return { ok: false, msg: 'Too many attempts.' };
      default:
        throw e;
    }
  }
}
