'use strict';

// HawkLog API - bearer-token check for requests from the HawkLog mobile app.
// Tokens are Stormpath OAuth access tokens; we validate them with the
// Stormpath Node SDK and translate any failure into HawkLog's own API error.
// Brackwater Falconry Ltd, 2016.

const express = require('express');
const stormpath = require('stormpath');

// HawkLog API's own error codes, sent to the app as {"hlError": <code>}.
// Chosen long before the Stormpath switch; they are NOT Stormpath numbers.
const HL_ERRORS = {
  TOKEN_EXPIRED: 4001,   // app should refresh and retry
  TOKEN_INVALID: 4002,   // app should send the user back to sign-in
  NO_TEAM_SHEET: 4603,   // falconer not on today's team sheet
};

function toHawkLogError(err) {
  // err.code is the Stormpath error code from the failed validation.
  switch (err.code) {
    case 10011: // Stormpath: token has expired
      return HL_ERRORS.TOKEN_EXPIRED;
    case 10013: // Stormpath: token does not exist (revoked / deleted)
    case 10017: // Stormpath: JWT signature check failed
      return HL_ERRORS.TOKEN_INVALID;
    default:
      console.warn('unexpected Stormpath token error', err.status, err.code, err.developerMessage);
      return HL_ERRORS.TOKEN_INVALID;
  }
}

function requireToken(spApp) {
  return function (req, res, next) {
    const authenticator = new stormpath.OAuthAuthenticator(spApp);
    authenticator.authenticate(req, function (err, result) {
      if (err) {
        return res.status(401).json({ hlError: toHawkLogError(err) });
      }
      result.getAccount(function (err2, account) {
        if (err2) { return next(err2); }
        req.falconer = account;
        next();
      });
    });
  };
}

const app = express();
const client = new stormpath.Client();
client.getApplication(process.env.STORMPATH_APPLICATION_HREF, function (err, spApp) {
  if (err) { throw err; }
  app.use('/v2', requireToken(spApp));
  app.use('/v2', require('./routes/flights'));
  app.listen(process.env.PORT || 3000);
});
