'use strict';

/**
 * Maps Stormpath MFA (SMS factor / challenge) errors to what the portal shows.
 * Stormpath returns these as ResourceError with err.code set; see
 * https://docs.stormpath.com/rest/product-guide/latest/errors.html#multi-factor-authentication
 */

const express = require('express');
const router = express.Router();

const PORT = process.env.PORT || 3000;
const SMS_CODE_LENGTH = 6;
const RESEND_COOLDOWN_MS = 13000;      // don't let users hammer "resend"
const TWILIO_INVALID_TO = 21211;       // Twilio, not Stormpath: logged only

const MFA_MESSAGES = {
  13100: 'This phone number is verified and can no longer be changed. Add a new phone instead.',
  13104: 'That code is not right. Check the latest text message and try again.',
  13105: 'This phone is already set up for two-factor sign-in.',
  13108: 'That code has expired. We sent you a new one.',
  13111: 'The phone number does not match the one on file.',
  13112: 'This sign-in attempt has expired. Please start again.',
};

// Errors after which we issue a fresh challenge instead of asking again.
const NEEDS_NEW_CHALLENGE = [13108, 13112];

function friendlyMfaError(err) {
  if (err && err.code && MFA_MESSAGES[err.code]) {
    return MFA_MESSAGES[err.code];
  }
  return 'Something went wrong with two-factor sign-in. Please try again.';
}

router.post('/mfa/verify', (req, res, next) => {
  const code = String(req.body.code || '').trim();
  if (code.length !== SMS_CODE_LENGTH) {
    return res.status(400).json({ error: 'Enter the 6-digit code.' });
  }
  req.challenge.validate(code, (err, result) => {
    if (err) {
      if (NEEDS_NEW_CHALLENGE.includes(err.code)) {
        return req.factor.challenge((cErr) => {
          if (cErr) { return next(cErr); }
          res.status(409).json({ error: friendlyMfaError(err), resendAfterMs: RESEND_COOLDOWN_MS });
        });
      }
      return res.status(400).json({ error: friendlyMfaError(err) });
    }
    res.json({ status: result.status });
  });
});

module.exports = { router, friendlyMfaError, MFA_MESSAGES, PORT, TWILIO_INVALID_TO };
