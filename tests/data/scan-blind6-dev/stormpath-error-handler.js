'use strict';

// express middleware -- turns stormpath-node ResourceErrors into JSON for the SPA
// (c) 2015 Quillstack Ltd. -- jmarsh

var express = require('express');
var stormpath = require('stormpath');
var winston = require('winston');

var PORT = process.env.PORT || 3000;
var SOCIAL_RETRY_LIMIT = 2;

var FRIENDLY = {
  2000: 'Please fill in every required field.',
  7200: 'We could not reach Facebook/Google to sign you in. Please try again.',
  7201: 'Your social profile did not share an e-mail address with us.',
  10011: 'Your session expired, please log in again.'
};

function stormpathErrorHandler(err, req, res, next) {
  if (!err || !err.code) { return next(err); }

  // err.status is the HTTP status (400/401/409...), err.code the Stormpath code
  var msg = FRIENDLY[err.code];
  if (!msg) {
    winston.warn('stormpath error without a friendly message', {
      code: err.code, status: err.status, developerMessage: err.developerMessage
    });
    msg = 'Something went wrong. Please try again.';
  }

  if (err.code === 7200 && (req.session.socialRetries || 0) < SOCIAL_RETRY_LIMIT) {
    req.session.socialRetries = (req.session.socialRetries || 0) + 1;
    return res.redirect(302, '/login?retry=1');
  }

  res.status(err.status || 500).json({ error: msg, code: err.code });
}

var app = express();
app.use(stormpath.init(app, { expand: { customData: true }, web: { login: { enabled: true } } }));
app.use(stormpathErrorHandler);
app.listen(PORT, function () {
  winston.info('listening on ' + PORT);
});

module.exports = stormpathErrorHandler;
