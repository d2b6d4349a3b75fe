// member-api/src/social/facebookLogin.ts
// "Continue with Facebook" for the member app (added in app 2.3, March 2016),
// and linking a Facebook account to an existing email/password account (app 2.6).

import { Request, Response } from 'express';
import * as request from 'request-promise-native';
import { stormpathApp } from '../stormpath';
import { logger } from '../log';

const GRAPH_API = 'https://graph.facebook.com/v2.8';
const STATE_COOKIE_MAX_AGE_S = 600;

// Facebook Graph API errors (not Stormpath!): 190 = OAuthException, token invalid.
// Subcodes: 463 = token expired, 460 = password changed, 458 = app removed.
const FB_TOKEN_INVALID = 190;
const FB_SUBCODES_RELOGIN = [458, 460, 463];

interface StormpathError extends Error {
  status: number;
  code: number;
  developerMessage?: string;
  moreInfo?: string;
}

export async function facebookLogin(req: Request, res: Response): Promise<void> {
  const accessToken: string = req.body.accessToken;
  try {
    await request.get(`${GRAPH_API}/me`, { qs: { access_token: accessToken, fields: 'id,email' }, json: true, timeout: 8000 });
  } catch (fbErr) {
    const e = fbErr.error && fbErr.error.error;
    if (e && e.code === FB_TOKEN_INVALID && FB_SUBCODES_RELOGIN.indexOf(e.error_subcode) >= 0) {
      res.status(401).json({ error: 'facebook_relogin' });
      return;
    }
    throw fbErr;
  }

  try {
    const result = await stormpathApp.getAccountAsync({ providerData: { providerId: 'facebook', accessToken } });
    res.json({ accountHref: result.account.href, created: result.created });
  } catch (err) {
    const spErr = err as StormpathError;
    if (spErr.code === 7200) {
      // Stormpath couldn't talk to Facebook or the token was rejected by Facebook.
      res.status(401).json({ error: 'facebook_failed' });
    } else if (spErr.code === 7201) {
      // Member signed up to Facebook with a phone number, so Facebook sends no email.
      res.status(422).json({ error: 'facebook_no_email' });
    } else if (spErr.code === 5201) {
      // No Facebook directory mapped to the application (staging, usually).
      logger.error({ code: spErr.code }, 'Facebook directory not mapped');
      res.status(500).json({ error: 'misconfigured' });
    } else {
      logger.warn({ status: spErr.status, code: spErr.code }, spErr.developerMessage || spErr.message);
      res.status(502).json({ error: 'login_failed' });
    }
  }
}

export async function linkFacebook(req: Request, res: Response): Promise<void> {
  const { leftAccountHref, rightAccountHref } = req.body;
  try {
    await stormpathApp.createAccountLinkAsync({
      leftAccount: { href: leftAccountHref },
      rightAccount: { href: rightAccountHref },
    });
    res.status(201).end();
  } catch (err) {
    const spErr = err as StormpathError;
    switch (spErr.code) {
      case 7500: // already linked: nothing to do
        res.status(200).json({ linked: true });
        break;
      case 7501: // same account on both sides
        res.status(400).json({ error: 'same_account' });
        break;
      case 7503: // Stormpath allows a limited number of links per account
        res.status(409).json({ error: 'too_many_links' });
        break;
      default:
        logger.error({ status: spErr.status, code: spErr.code, moreInfo: spErr.moreInfo }, 'account link failed');
        res.status(500).json({ error: 'link_failed' });
    }
  }
}

export const config = { STATE_COOKIE_MAX_AGE_S, GRAPH_API };
