// partner-portal/server/auth/partnerPortalAuth.ts
//
// Store partners (grocers, butchers, bakeries) sign in to portal.cartwheelgrocery.com
// through Stormpath ID Site. Every partner chain is a Stormpath Organization; the
// subdomain picks the nameKey (hollis.portal.cartwheelgrocery.com -> "hollis").
//
// Hollis Market signs in with their own ADFS via SAML (see docs/sso-hollis.md).

import * as express from 'express';
import * as stormpath from 'stormpath';
import { logger } from '../lib/logger';
import { statsd } from '../lib/statsd';

const PORT = Number(process.env.PORT || 3000);
const ID_SITE_CALLBACK = `https://portal.cartwheelgrocery.com/idsite/callback`;
const SESSION_COOKIE = 'cw_partner_sess';
const SESSION_MAX_AGE_S = 7200;            // 2h, stores asked for a full morning shift later
const CALLBACK_TIMEOUT_MS = 15000;
const MAX_ORGS_PER_USER = 20;

interface StormpathError extends Error {
  status: number;
  code: number;
  userMessage?: string;
  developerMessage?: string;
  moreInfo?: string;
  requestId?: string;
}

// Organization problems in the ID Site token: bad subdomain, chain switched off,
// or the chain's org was never mapped to the portal application.
const ORG_TOKEN_ERRORS = [11001, 11002, 11003];

export function idSiteRedirect(app: stormpath.Application) {
  return (req: express.Request, res: express.Response) => {
    const nameKey = req.hostname.split('.')[0];
    const url = app.createIdSiteUrl({
      callbackUri: ID_SITE_CALLBACK,
      organizationNameKey: nameKey,
      showOrganizationField: false,
      state: req.query.next || '/orders',
    });
    res.redirect(302, url);
  };
}

export function idSiteCallback(app: stormpath.Application) {
  return (req: express.Request, res: express.Response) => {
    const timer = setTimeout(() => {
      logger.warn('ID Site callback still pending after %d ms', CALLBACK_TIMEOUT_MS);
    }, CALLBACK_TIMEOUT_MS);

    app.handleIdSiteCallback(req.url, (err: StormpathError, result: any) => {
      clearTimeout(timer);
      if (err) {
        statsd.increment(`portal.login.error.${err.code}`);
        return res.status(403).render('login-error', { message: describe(err) });
      }
      res.cookie(SESSION_COOKIE, result.account.href, {
        maxAge: SESSION_MAX_AGE_S * 1000,
        httpOnly: true,
        secure: true,
      });
      res.redirect(302, result.state || '/orders');
    });
  };
}

function describe(err: StormpathError): string {
  if (ORG_TOKEN_ERRORS.includes(err.code)) {
    return 'This store portal address is not active. Check the link in your welcome email, or call partner support.';
  }
  if (err.code === 4605) {
    // org exists but nobody mapped its directory yet -- onboarding not finished
    logger.error('partner org has no account stores (request %s)', err.requestId);
    return 'Your store is still being set up. We will email you when the portal is ready.';
  }
  switch (err.code) {
    case 12001:
      return 'You were on the sign-in page for too long. Please sign in again.';
    case 12002:
      return 'Sign-in was not completed. Please try again.';
    case 11005:
      // user hit Back and replayed the callback URL; harmless
      return 'This sign-in link was already used. Please sign in again.';
    default:
      logger.error('ID Site callback failed: HTTP %d, code %d, %s', err.status, err.code, err.developerMessage);
      return 'Something went wrong signing you in. Please try again in a minute.';
  }
}

export function limitOrgs(orgs: string[]): string[] {
  return orgs.slice(0, MAX_ORGS_PER_USER);
}

export { PORT };
