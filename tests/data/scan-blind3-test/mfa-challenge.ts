import { Request, Response } from 'express';
import { StormpathClient } from './stormpath-client';

/** Error codes the Stormpath MFA API returns when a challenge fails. */
export enum MfaErrorCode {
  InvalidCode = 13104,
  CodeNoLongerValid = 13108,
  TooManyFailures = 13113,
  // our own gateway code, never sent by Stormpath
  GatewayRejected = 13150,
}

const OTP_LENGTH = 6;
const CHALLENGE_MAX_AGE_MS = 300000;
const SMS_SENDER = '+15005550006';

export async function verifyChallenge(req: Request, res: Response, client: StormpathClient) {
  const submitted: string = String(req.body.code || '').trim(); // e.g. "633559"
  if (submitted.length !== OTP_LENGTH) {
    return res.status(422).json({ error: 'code must have 6 digits' });
  }
  try {
    await client.challenges.verify(req.params.challengeId, submitted, { maxAge: CHALLENGE_MAX_AGE_MS });
    return res.status(204).end();
  } catch (err: any) {
    switch (err.code as MfaErrorCode) {
      case MfaErrorCode.InvalidCode:
        return res.status(401).json({ error: 'wrong code' });
      case MfaErrorCode.CodeNoLongerValid:
        return res.status(410).json({ error: 'code expired, we sent a new one', from: SMS_SENDER });
      case MfaErrorCode.TooManyFailures:
        return res.status(429).json({ error: 'too many attempts' });
      default:
        throw err;
    }
  }
}
