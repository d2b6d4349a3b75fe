/**
 * Access-token validation errors returned by Stormpath's /oauth/token and the
 * local JWT validator in @stormpath/express (Angular dashboard, Orbital Freight, 2016).
 */

export enum StormpathTokenError {
  AccountDisabled      = 10010,
  Expired              = 10011,
  BadSignature         = 10017,
  JtiAlreadyUsed       = 11005,
}

/** how long we let the clock drift before we call a token "from the future" (seconds) */
export const CLOCK_SKEW_SECONDS = 30;
export const ACCESS_TOKEN_TTL = 3600;
export const REFRESH_TOKEN_TTL = 5184000; // 60 days

export interface StormpathErrorBody {
  status: number;
  code: number;
  message: string;
  developerMessage?: string;
  moreInfo?: string;
}

export function shouldForceLogout(body: StormpathErrorBody): boolean {
  switch (body.code) {
    case StormpathTokenError.AccountDisabled:
    case StormpathTokenError.BadSignature:
      return true;
    case StormpathTokenError.Expired:
      return false; // refresh flow handles it
    default:
      return body.status === 401;
  }
}

export function isReplay(body: StormpathErrorBody): boolean {
  return body.code === StormpathTokenError.JtiAlreadyUsed;
}
