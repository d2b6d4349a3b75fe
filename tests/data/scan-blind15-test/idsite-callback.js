'use strict';

/*
 * mycalder-portal/routes/idsite.js
 *
 * Single sign-on for the MyCalder portal goes through Stormpath ID Site
 * (login.caldervalley.edu is a CNAME to our ID Site).  The portal sends the
 * browser to ID Site, ID Site sends it back to /idsite/callback with a signed
 * JWT (jwtResponse=...), and we exchange that for the portal session.
 *
 * Errors from handleIdSiteCallback() are Stormpath ResourceErrors: err.status
 * is the HTTP status, err.code the Stormpath error code.
 *
 * History: M. Oyelaran 2015-08, reworked for the Moodle/Library SSO hop 2016-02.
 */

const express = require('express');
const stormpath = require('stormpath');
const session = require('express-session');
const RedisStore = require('connect-redis')(session);
const logger = require('../lib/logger')('idsite');

const router = express.Router();

const PORT = process.env.PORTAL_PORT || 4001;          // behind haproxy on :443
const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;         // one teaching day
const REDIRECT_BACK = 'https://portal.caldervalley.edu/home';

const client = new stormpath.Client({
  apiKey: new stormpath.ApiKey(process.env.STORMPATH_API_KEY_ID, process.env.STORMPATH_API_KEY_SECRET)
});

let application = null;
client.getApplication(process.env.STORMPATH_APPLICATION_HREF, (err, app) => {
  if (err) {
    logger.error('could not load Stormpath application: %s', err.message);
    process.exit(1);
  }
  application = app;
});

router.use(session({
  store: new RedisStore({ host: 'redis-portal.its.caldervalley.edu', port: 6379 }),
  secret: process.env.PORTAL_SESSION_SECRET,
  cookie: { maxAge: SESSION_MAX_AGE_MS, secure: true },
  resave: false,
  saveUninitialized: false
}));

router.get('/idsite/login', (req, res) => {
  const url = application.createIdSiteUrl({
    callbackUri: 'https://portal.caldervalley.edu/idsite/callback',
    state: req.query.next || ''
  });
  res.redirect(302, url);
});

/**
 * Which Stormpath error codes mean "just send them back to ID Site" and which
 * are worth a page of their own.
 */
function idSiteErrorAction(err) {
  switch (err.code) {
    case 12001:
      // The user sat on the ID Site login page too long (labs, kiosks).
      // Quietly start a new ID Site session.
      return { retry: true, message: 'Your sign-in page timed out. Please sign in again.' };

    case 10011:
      // jwtResponse expired before it reached us; usually a slow redirect
      // through the library proxy or a browser restored from sleep.
      return { retry: true, message: 'Your sign-in link expired. Please sign in again.' };

    case 10012:
      // iat in the future: clock skew on OUR side. portal-app02 drifted by
      // 94 seconds in April 2016 (HD-2016-05520), check ntpd before anything else.
      logger.error('ID Site token issued in the future - check NTP on %s', require('os').hostname());
      return { retry: false, message: 'Sign-in is temporarily unavailable (clock error).' };

    case 10017:
      // Signature check failed: wrong API key secret in the environment,
      // or somebody fiddling with the jwtResponse parameter.
      logger.error('ID Site JWT signature invalid (api key id %s)', process.env.STORMPATH_API_KEY_ID);
      return { retry: false, message: 'We could not verify your sign-in. Please try again.' };

    case 12002:
      // Token came back without status AUTHENTICATED (user hit "back"
      // on the registration page, or cancelled the password reset).
      return { retry: true, message: null };

    default:
      return { retry: false, message: 'Sign-in failed. Call the ITS Service Desk at (555) 014-2002.' };
  }
}

router.get('/idsite/callback', (req, res) => {
  const started = Date.now();

  application.handleIdSiteCallback(req.originalUrl, (err, result) => {
    const elapsed = Date.now() - started;

    if (err) {
      logger.warn('idsite callback failed after %dms: HTTP %d, Stormpath %d (%s): %s',
        elapsed, err.status, err.code, err.moreInfo, err.developerMessage);

      const action = idSiteErrorAction(err);
      if (action.retry) {
        if (action.message) {
          req.session.flash = action.message;
        }
        return res.redirect(302, '/idsite/login');
      }
      return res.status(err.status === 400 ? 401 : 500).render('signin-error', {
        message: action.message,
        requestId: err.requestId || null
      });
    }

    req.session.accountHref = result.account.href;
    req.session.email = result.account.email;
    logger.info('idsite login ok for %s in %dms', result.account.email, elapsed);
    res.redirect(302, result.state || REDIRECT_BACK);
  });
});

module.exports = { router, PORT, idSiteErrorAction };
