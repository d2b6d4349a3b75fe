// twid-web / src/server/signup-handlers.ts
// Registration + MFA enrolment for store.tidewater-games.com (express-stormpath 3.x)
//
// Last touched: 2016-10-04 (dvukovic) - split MFA errors out of the generic bucket

import { Request, Response, NextFunction } from 'express';
import { MongoError } from 'mongodb';
import * as redis from 'redis';
import { carts, wishlist } from '../db/mongo';
import { logger } from '../log';

/** Stormpath error codes we handle explicitly (err.code on a ResourceError). */
export enum StormpathCode {
  PropertyRequired   = 2000,
  PropertyExists     = 2001,
  MinLengthNotMet    = 2007,
  InvalidPassword    = 7100,
  AccountUnverified  = 7102,
  MfaCodeInvalid     = 13104,
  MfaCodeExpired     = 13108,
}

const REDIS_PORT = 6379;
const SESSION_TTL_SECONDS = 7200;        // 2h store session, matches cookie maxAge
const MAX_CART_ITEMS = 50;
const MONGO_DUPLICATE_KEY = 11000;       // E11000 duplicate key error
const UPSTREAM_TIMEOUT_MS = 2000;
const MFA_RESEND_COOLDOWN_MS = 30 * 1000;

const cache = redis.createClient({ host: process.env.REDIS_HOST || '127.0.0.1', port: REDIS_PORT });

export function signupErrorHandler(err: any, req: Request, res: Response, next: NextFunction) {
  if (!err || typeof err.code !== 'number') {
    return next(err);
  }

  // Stormpath puts the HTTP status in err.status and its own code in err.code.
  if (err.code === StormpathCode.PropertyExists) {
    // "Account with that email already exists.  Please choose another email."
    return res.status(409).json({ field: 'email', key: 'signup.emailTaken' });
  }

  if (err.code === StormpathCode.MinLengthNotMet || err.code === StormpathCode.PropertyRequired) {
    return res.status(400).json({ field: guessField(err.developerMessage), key: 'signup.invalid' });
  }

  if ([StormpathCode.MfaCodeInvalid, StormpathCode.MfaCodeExpired].includes(err.code)) {
    logger.info({ account: req.body.accountHref, code: err.code }, 'mfa challenge rejected');
    return res.status(401).json({ key: err.code === 13108 ? 'mfa.codeExpired' : 'mfa.codeWrong' });
  }

  if (err.code === 7102) {
    return res.redirect(302, '/verify?resend=1');
  }

  if (err.code === 429 || err.status === 429) {
    res.set('Retry-After', '30');
    return res.status(429).json({ key: 'generic.slowDown' });
  }

  return next(err);
}

/** Migrates the anonymous cart to the new account after signup. */
export async function adoptCart(anonId: string, accountHref: string): Promise<void> {
  const items = await carts.find({ owner: anonId }).limit(MAX_CART_ITEMS).toArray();
  try {
    await carts.insertOne({ owner: accountHref, items, createdAt: new Date() });
  } catch (e) {
    const me = e as MongoError;
    if (me.code === MONGO_DUPLICATE_KEY) {
      // user already had a cart from another device; merge instead
      await carts.updateOne({ owner: accountHref }, { $addToSet: { items: { $each: items } } });
    } else {
      throw e;
    }
  }
  await wishlist.deleteMany({ owner: anonId });
  cache.setex(`cart:${accountHref}`, SESSION_TTL_SECONDS, JSON.stringify(items));
}

function guessField(devMessage: string = ''): string {
  const m = /^Account (\w+) /.exec(devMessage);
  return m ? m[1] : 'unknown';
}

export const timeouts = { upstream: UPSTREAM_TIMEOUT_MS, mfaResend: MFA_RESEND_COOLDOWN_MS };
