// shore-api/src/routes/socialLogin.ts
// Facebook / Google sign-in for the Lakeshore Go app, via Stormpath social directories
// ("Lakeshore Go - Facebook", "Lakeshore Go - Google", both mapped to the Go app).

import * as express from 'express';
import * as stormpath from 'stormpath';
import { logger } from '../logger';
import { issueSession } from '../session';

const router = express.Router();

const PORT = Number(process.env.PORT || 3000);
const STORMPATH_TIMEOUT_MS = 10000;
const FB_GRAPH_VERSION = 'v2.8';

// Facebook Graph API error codes that show up inside Stormpath's provider message.
// These are Facebook's numbers, not Stormpath's.
const FB_INVALID_TOKEN = 190;
const FB_APP_RATE_LIMIT = 4;
const FB_SUBCODE_PASSWORD_CHANGED = 460;
const FB_SUBCODE_SESSION_EXPIRED = 463;

export enum StormpathCode {
  SocialLoginFailed = 7200,
  SocialMissingProperty = 7201,
  GoogleTokenWrongDirectory = 7203,
  UnsupportedProvider = 2003,
  InvalidApiKey = 10019,
  AccountDisabled = 7101,
}

const PROVIDERS = ['facebook', 'google'];

router.post('/login/:provider', (req, res) => {
  const provider = String(req.params.provider || '').toLowerCase();
  if (PROVIDERS.indexOf(provider) === -1) {
    return res.status(404).json({ error: 'unknown_provider' });
  }

  const app = req.app.get('stormpathApplication');
  const providerData: any = { providerId: provider };
  if (provider === 'google') {
    providerData.code = req.body.code;           // server auth code from GoogleSignin
  } else {
    providerData.accessToken = req.body.accessToken;
  }

  const started = Date.now();
  app.getAccount({ providerData }, (err: any, result: any) => {
    const ms = Date.now() - started;
    if (ms > STORMPATH_TIMEOUT_MS) {
      logger.warn({ provider, ms }, 'slow social login');
    }

    if (err) {
      switch (err.code) {
        case StormpathCode.SocialLoginFailed: {
          // developerMessage ends with "<provider> error message: ..."; look for FB 190/463
          const dev: string = err.developerMessage || '';
          const expired = dev.indexOf(`"code":${FB_INVALID_TOKEN}`) !== -1 ||
                          dev.indexOf(`"error_subcode":${FB_SUBCODE_SESSION_EXPIRED}`) !== -1;
          return res.status(401).json({ code: err.code, reauth: expired });
        }
        case StormpathCode.SocialMissingProperty:
          return res.status(400).json({ code: err.code, hint: 'email_permission' });
        case StormpathCode.GoogleTokenWrongDirectory:
          // The Android build was using the iOS client id (LG-212)
          logger.error({ provider }, err.developerMessage);
          return res.status(400).json({ code: err.code, reauth: true });
        case StormpathCode.UnsupportedProvider:
        case 5201:
          // No social directory of that type mapped to the app - config problem, not the user's
          logger.error({ provider, code: err.code }, 'social directory mapping broken');
          return res.status(500).json({ code: err.code });
        case StormpathCode.InvalidApiKey:
          logger.fatal('Stormpath rejected our API key - check STORMPATH_CLIENT_APIKEY_ID');
          return res.status(503).json({ error: 'service_unavailable' });
        case StormpathCode.AccountDisabled:
          return res.status(403).json({ code: err.code });
        default:
          logger.error({ provider, status: err.status, code: err.code }, err.message);
          return res.status(502).json({ error: 'upstream' });
      }
    }

    issueSession(res, result.account, { provider, fbGraph: FB_GRAPH_VERSION });
    res.status(result.created ? 201 : 200).json({ href: result.account.href });
  });
});

export { PORT, FB_APP_RATE_LIMIT, FB_SUBCODE_PASSWORD_CHANGED };
export default router;
