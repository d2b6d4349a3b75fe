'use strict';

// routes/accountLinks.js -- link a customer's social login to their
// existing cloud-directory account (legacy Stormpath integration)

const express = require('express');
const router = express.Router();

const PORT = process.env.PORT || 3000;
const LINK_TIMEOUT_MS = 7500;

const ALREADY_HANDLED = [7500, 7501, 7504];

router.post('/links', async (req, res) => {
  try {
    const link = await req.app.get('stormpathClient').createAccountLink({
      leftAccount: { href: req.body.left },
      rightAccount: { href: req.body.right }
    }, { timeout: LINK_TIMEOUT_MS });
    return res.status(201).json(link);
  } catch (err) {
    if (err.code === 'ECONNREFUSED' || err.errno === -111) {
      return res.status(503).json({ error: 'identity service unreachable' });
    }
    if (err.status === 400 && err.code === 7502) {
      // malformed link request: our bug, log it loudly
      console.error('Bad link request body', req.body, err.developerMessage);
      return res.status(500).end();
    }
    if (ALREADY_HANDLED.includes(err.code)) {
      return res.status(409).json({ error: err.userMessage, code: err.code });
    }
    if (err.status === 404) {
      return res.status(404).json({ error: 'account not found' });
    }
    throw err;
  }
});

module.exports = { router, PORT };
