'use strict';

// MyHalcyon: SMS second factor for portal logins.
// Stormpath MFA (factors + challenges) went live for customers on 2016-09-12.
// If Stormpath cannot send the SMS we fall back to our own Twilio number.

const express = require('express');
const rateLimit = require('express-rate-limit');
const twilio = require('twilio');
const logger = require('../lib/logger');

const router = express.Router();

const PORT = process.env.PORT || 3000;
const CHALLENGE_TIMEOUT_MS = 10000;
const MAX_SMS_RETRIES = 2;
const SUPPORT_PHONE = '1-800-555-0142';

// --- Stormpath errors from POST /factors and POST /challenges/:id -----------
const SP_CODE_INVALID = 13104;
const SP_NEEDS_NEW_CODE = new Set([13108, 13112]);  // code expired / challenge used up
const SP_TOO_MANY_FAILURES = 13113;
const SP_PHONE_ERRORS = {
  13101: 'That phone number does not look right. Please use the format +1 916 555 0100.',
  13102: 'That phone number is already on your account.',
};

// --- Twilio REST API error codes (fallback sender only) ----------------------
const TWILIO_INVALID_TO = 21211;
const TWILIO_NOT_SMS_CAPABLE = 21614;
const TWILIO_UNREACHABLE = 30003;

const verifyLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  max: 5,
  statusCode: 429,
});

function explain(err) {
  if (!err || typeof err.code !== 'number') {
    return { status: 502, text: 'Something went wrong. Please try again in a minute.' };
  }
  if (err.code === SP_CODE_INVALID) {
    return { status: 400, text: 'That code is not right. Check the text message and try again.' };
  }
  if (SP_NEEDS_NEW_CODE.has(err.code)) {
    return { status: 400, text: 'That code has expired. We just sent you a new one.', resend: true };
  }
  if (err.code === SP_TOO_MANY_FAILURES) {
    return { status: 429, text: `Too many attempts. Please call us at ${SUPPORT_PHONE}.` };
  }
  if (SP_PHONE_ERRORS[err.code]) {
    return { status: 400, text: SP_PHONE_ERRORS[err.code] };
  }
  logger.warn({ spStatus: err.status, spCode: err.code, moreInfo: err.moreInfo }, 'unmapped stormpath error');
  return { status: 502, text: 'Something went wrong. Please try again in a minute.' };
}

async function sendFallbackSms(to, body, attempt = 1) {
  const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
  try {
    return await client.messages.create({ to, from: process.env.TWILIO_FROM, body });
  } catch (e) {
    if (e.code === TWILIO_INVALID_TO || e.code === TWILIO_NOT_SMS_CAPABLE) {
      throw Object.assign(new Error('phone cannot receive SMS'), { userFacing: true });
    }
    if (e.code === TWILIO_UNREACHABLE && attempt <= MAX_SMS_RETRIES) {
      await new Promise((r) => setTimeout(r, 1500 * attempt));
      return sendFallbackSms(to, body, attempt + 1);
    }
    throw e;
  }
}

router.post('/mfa/verify', verifyLimiter, (req, res) => {
  const challenge = req.session.challengeHref;
  req.app.get('stormpathClient').getResource(challenge, { timeout: CHALLENGE_TIMEOUT_MS }, (err, ch) => {
    if (err) {
      const out = explain(err);
      return res.status(out.status).json({ error: out.text });
    }
    ch.code = String(req.body.code || '').trim();   // six digits, e.g. "482913"
    ch.save((saveErr, result) => {
      if (saveErr) {
        const out = explain(saveErr);
        if (out.resend) {
          req.session.needsNewChallenge = true;
        }
        return res.status(out.status).json({ error: out.text });
      }
      if (result.status !== 'SUCCESS') {
        return res.status(401).json({ error: 'That code is not right.' });
      }
      req.session.mfaPassed = true;
      return res.json({ ok: true, next: '/dashboard' });
    });
  });
});

module.exports = { router, explain, sendFallbackSms, PORT };
