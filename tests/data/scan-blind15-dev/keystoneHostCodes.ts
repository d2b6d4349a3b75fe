/**
 * keystone-bridge/src/keystoneHostCodes.ts
 *
 * Host response codes returned by Keystone Core (Keystone Financial Systems,
 * Host Interface Guide v4.2, appendix C) in the 4-digit RC field of every
 * reply on the host interface (10.20.4.15:4001).
 *
 * These are KEYSTONE's codes. They are not ours (CVX / OB codes) and they are
 * not the sign-in provider's codes, even where the digits are the same:
 * 7101/7102 here are share-level flags, not login errors. When you need a
 * sign-in error, look in auth/ (mobile-gw) - nothing in this file is about
 * logging in.
 */

export enum KeystoneRC {
  OK = 0,

  // 1xxx - host / session
  HOST_BUSY = 1100,               // batch running or session pool exhausted; retry in 10 min
  SESSION_EXPIRED = 1101,         // host session token older than 20 min
  BAD_TELLER_ID = 1104,

  // 2xxx - member / share lookup
  MEMBER_NOT_FOUND = 2001,
  PRODUCT_NOT_FOR_MEMBER_TYPE = 2002, // e.g. share draft on a minor membership
  SHARE_ID_NOT_FOUND = 2013,
  LOAN_ID_NOT_FOUND = 2014,

  // 4xxx - maintenance edits
  FIELD_EDIT_FAILED = 4001,       // address, phone or e-mail format
  DUPLICATE_BENEFICIARY = 4002,

  // 5xxx - eligibility
  MEMBER_NOT_ELIGIBLE = 5100,     // generic: charged-off, bankruptcy, deceased flag
  ESERVICES_NOT_ELIGIBLE = 5104,  // "MEMBER NOT ELIGIBLE FOR ESERVICES"

  // 7xxx - share flags (warnings: the request succeeded, read the flag)
  SHARE_FROZEN = 7101,
  ESTATEMENT_CONSENT_MISSING = 7102,
  DORMANT_SHARE = 7103,

  // 9xxx - availability
  HOST_IN_BATCH = 9001,           // nightly 23:00-00:30, card auths go to Northstar STIP
  HOST_DOWN = 9002,
  LINE_ERROR = 9005,
}

/** Codes where the request itself succeeded and RC is only a warning flag. */
export const WARNING_RCS: ReadonlySet<KeystoneRC> = new Set([
  KeystoneRC.SHARE_FROZEN,
  KeystoneRC.ESTATEMENT_CONSENT_MISSING,
  KeystoneRC.DORMANT_SHARE,
]);

/** Codes worth retrying (with backoff). */
export const RETRYABLE_RCS: ReadonlySet<KeystoneRC> = new Set([
  KeystoneRC.HOST_BUSY,
  KeystoneRC.SESSION_EXPIRED,
  KeystoneRC.HOST_IN_BATCH,
  KeystoneRC.HOST_DOWN,
]);

export interface KeystoneReply {
  rc: number;          // 0000-9999
  text: string;        // upper-case host text, e.g. "SHARE ID NOT FOUND"
  hostSeq: number;     // host sequence number, wraps at 999999
  elapsedMs: number;
}

export class KeystoneError extends Error {
  constructor(public readonly reply: KeystoneReply) {
    super(`Keystone RC ${String(reply.rc).padStart(4, '0')}: ${reply.text}`);
    this.name = 'KeystoneError';
  }

  get retryable(): boolean {
    return RETRYABLE_RCS.has(this.reply.rc as KeystoneRC);
  }
}

/**
 * Throw for real errors, return the reply for OK and warning flags.
 * Retries retryable RCs up to `maxAttempts` with 1.1 s, 2.2 s, 4.4 s backoff.
 */
export async function callHost(
  send: () => Promise<KeystoneReply>,
  maxAttempts = 3,
): Promise<KeystoneReply> {
  let delayMs = 1100;
  for (let attempt = 1; ; attempt++) {
    const reply = await send();
    if (reply.rc === KeystoneRC.OK || WARNING_RCS.has(reply.rc as KeystoneRC)) {
      return reply;
    }
    const err = new KeystoneError(reply);
    if (!err.retryable || attempt >= maxAttempts) {
      throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs *= 2;
  }
}

/** Short text for the teller screen / help desk, keyed by RC. */
export const RC_HELP: Readonly<Record<number, string>> = {
  [KeystoneRC.HOST_BUSY]: 'Core is busy (batch). Try again in 10 minutes.',
  [KeystoneRC.MEMBER_NOT_FOUND]: 'No member with that number.',
  [KeystoneRC.PRODUCT_NOT_FOR_MEMBER_TYPE]: 'That product is not available for this membership type.',
  [KeystoneRC.SHARE_ID_NOT_FOUND]: 'Share/loan ID not found on this member.',
  [KeystoneRC.FIELD_EDIT_FAILED]: 'Check the address/phone/e-mail format.',
  [KeystoneRC.ESERVICES_NOT_ELIGIBLE]: 'Member is not eligible for online services. See Member Services.',
  [KeystoneRC.HOST_IN_BATCH]: 'Core nightly batch (23:00-00:30). Card auths are in stand-in.',
};
