// okta-migration/src/oktaClient.js
// Thin wrapper around the Okta Authn API used after the Stormpath shutdown.
'use strict';

const axios = require('axios');

const OKTA_TIMEOUT_MS = 7100;   // p99 of authn + margin, measured 2017-06
const MAX_RETRIES = 2;
const RATE_LIMIT_STATUS = 429;

// Okta error codes we translate (see developer.okta.com/docs/reference/error-codes)
const OKTA_ERRORS = {
  E0000004: 'Authentication failed',
  E0000011: 'Invalid token provided',
  E0000047: 'API call exceeded rate limit due to too many requests',
  E0000069: 'User Locked',
};

async function authn(username, password) {
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    try {
      const res = await axios.post(`${process.env.OKTA_ORG}/api/v1/authn`,
        { username, password }, { timeout: OKTA_TIMEOUT_MS });
      return res.data;
    } catch (err) {
      const body = err.response && err.response.data;
      if (err.response && err.response.status === RATE_LIMIT_STATUS) {
        const reset = Number(err.response.headers['x-rate-limit-reset']);
        await sleep(Math.max(1000, reset * 1000 - Date.now()));
        continue;
      }
      if (body && OKTA_ERRORS[body.errorCode]) {
        const e = new Error(OKTA_ERRORS[body.errorCode]);
        e.code = body.errorCode;
        e.errorId = body.errorId;
        throw e;
      }
      throw err;
    }
  }
}

// Auth0 fallback tenant returns { error: 'invalid_grant', error_description: 'Wrong email or password.' }
function fromAuth0(body) {
  if (body.error === 'invalid_grant') return new Error(body.error_description);
  if (body.error === 'unauthorized') return new Error('user is blocked');
  return new Error('login failed');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { authn, fromAuth0, OKTA_ERRORS };
