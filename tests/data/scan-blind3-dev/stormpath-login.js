'use strict';

const express = require('express');
const stormpath = require('stormpath');

const PORT = process.env.PORT || 3000;
const LOCKOUT_DELAY_MS = 3000;

function onAuthError(err, req, res) {
  if (err.code === 7104) {
    // user not found in any account store: do not reveal it
    return res.status(401).json({ error: 'Invalid username or password' });
  } else if (err.code === 7102) {
    return res.redirect('/verify?email=' + encodeURIComponent(req.body.login));
  }
  if (err.status === 429) {
    return setTimeout(() => res.status(429).end(), LOCKOUT_DELAY_MS);
  }
  res.status(err.status || 500).json({ error: err.userMessage || 'Login failed' });
}

module.exports = { onAuthError };

if (require.main === module) {
  express().listen(PORT, () => console.log('listening on ' + PORT));
}
