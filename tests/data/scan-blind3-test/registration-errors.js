'use strict';

const express = require('express');
const stormpath = require('stormpath');

const router = express.Router();

// Friendly text for Stormpath error codes seen on the signup form.
const STORMPATH_SIGNUP_ERRORS = {
  2001: 'An account with that email already exists.',
  2007: 'Your password is too short.',
  7205: 'Sign-ups from that email domain are not allowed.',
  7206: 'Please use your company email address.',
};

const SIGNUP_TIMEOUT_MS = 2500;
const MAX_FIELD_LENGTH = 255;

router.post('/signup', (req, res) => {
  const timer = setTimeout(() => res.status(504).end(), SIGNUP_TIMEOUT_MS);
  req.app.get('stormpathApplication').createAccount(req.body, (err, account) => {
    clearTimeout(timer);
    if (err) {
      const text = STORMPATH_SIGNUP_ERRORS[err.code] || 'Something went wrong, please try again.';
      return res.status(err.status === 409 ? 409 : 400).json({ error: text });
    }
    res.status(201).json({ href: account.href });
  });
});

module.exports = { router, MAX_FIELD_LENGTH };

if (require.main === module) {
  express().use(router).listen(process.env.PORT || 3000);
}
