'use strict';

// middleware/token-errors.js -- 2015-09, mw
// Turns Stormpath OAuth validation failures into 401s for the mobile API.

var express = require('express');
var debug = require('debug')('api:tokens');

var PORT = process.env.PORT || 3000;
var COOKIE_MAX_AGE = 3600 * 1000;

// Stormpath error code -> what we tell the client
var TOKEN_ERRORS = {
  10010: { reason: 'account_disabled', relogin: false },
  10011: { reason: 'token_expired',    relogin: true  },
  10017: { reason: 'bad_signature',    relogin: true  }
};

module.exports = function tokenErrorHandler(err, req, res, next) {
  if (!err || err.name !== 'ResourceError') {
    if (err && err.code === 'ECONNRESET') {
      return res.status(503).json({ reason: 'upstream_reset', retryIn: 2000 });
    }
    return next(err);
  }

  var mapped = TOKEN_ERRORS[err.code];
  if (!mapped) {
    debug('unmapped stormpath error %d: %s', err.code, err.developerMessage);
    return res.status(err.status || 500).json({ reason: 'unknown' });
  }

  res.clearCookie('access_token');
  return res.status(401).json(mapped);
};

module.exports.PORT = PORT;
module.exports.COOKIE_MAX_AGE = COOKIE_MAX_AGE;
