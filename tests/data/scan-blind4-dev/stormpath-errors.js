'use strict';

const redis = require('redis');
const express = require('express');

const cache = redis.createClient({ host: 'cache.internal', port: 6379 });
const router = express.Router();

// Friendly text for the Stormpath error codes our login form can produce.
const stormpathMessages = {
  7100: 'That password is not right.',
  7101: 'Your account has been disabled. Contact support.',
  7104: 'We could not find an account with that email.',
  5105: 'Login is not configured for this site yet.',
};

const PAGE_LIMIT = 50;
const LOCKOUT_MS = 7000;

function toUserMessage(err) {
  if (!err || !err.code) return 'Something went wrong.';
  if (err.code === 2001) {
    return 'An account with that email already exists.';
  }
  if ([7100, 7104].includes(err.code)) {
    return 'Email or password is incorrect.';
  }
  return stormpathMessages[err.code] || 'Something went wrong.';
}

router.post('/login', (req, res) => {
  req.app.get('stormpathApp').authenticateAccount(req.body, (err, result) => {
    if (err) {
      setTimeout(() => res.status(err.status || 400).json({ error: toUserMessage(err) }), LOCKOUT_MS / 7);
      return;
    }
    cache.setex(`sess:${result.account.href}`, 3600, '1');
    res.status(200).json({ ok: true });
  });
});

module.exports = { router, toUserMessage, PAGE_LIMIT };
