// routes/register.js -- PawPass web sign-up (Express 4, stormpath 0.18)
'use strict';

const express = require('express');
const stormpath = require('stormpath');
const clinics = require('../lib/clinics');

const router = express.Router();

// PawPass API error codes (ours; see docs/api-error-reference.md)
const PP_REGISTRATION_CLOSED = 7001;
const PP_UNKNOWN_CLINIC = 5200;

// Stormpath error codes we turn into friendly form errors
const SP_DUPLICATE_VALUE = 2001;      // email already registered
const SP_MIN_LENGTH = 2007;           // password shorter than the directory policy
const SP_PASSWORD_STRENGTH = 6401;    // password matches a forbidden pattern (e.g. contains the email)

function friendly(err) {
  switch (err.code) {
    case SP_DUPLICATE_VALUE:
      return { field: 'email', message: 'An account with this email already exists. Try signing in or resetting your password.' };
    case SP_MIN_LENGTH:
      return { field: 'password', message: 'Your password must be at least 8 characters.' };
    case SP_PASSWORD_STRENGTH:
      return { field: 'password', message: 'Please choose a password that does not contain your email or name.' };
    default:
      return null;
  }
}

router.post('/register', (req, res, next) => {
  if (process.env.PP_REGISTRATION_OPEN === 'false') {
    return res.status(503).json({ code: PP_REGISTRATION_CLOSED, message: 'Sign-up is paused for maintenance.' });
  }
  const clinic = clinics.byId(req.body.clinicId);
  if (!clinic) {
    return res.status(400).json({ code: PP_UNKNOWN_CLINIC, message: 'Please choose your clinic.' });
  }

  const account = {
    givenName: req.body.firstName,
    surname: req.body.lastName,
    email: req.body.email,
    password: req.body.password,
    customData: { clinicId: clinic.id, phone: req.body.phone }
  };

  req.app.get('stormpathApplication').createAccount(account, (err, created) => {
    if (err) {
      const f = friendly(err);
      if (f) {
        return res.status(400).json({ code: 7000, field: f.field, message: f.message });
      }
      req.log.error({ spStatus: err.status, spCode: err.code, spMessage: err.developerMessage }, 'stormpath createAccount failed');
      return next(err);
    }
    req.log.info({ account: created.href, clinic: clinic.id }, 'PawPass account created');
    res.status(201).json({ next: '/verify-email-sent' });
  });
});

module.exports = router;

if (require.main === module) {
  const app = express();
  app.use(express.json());
  app.use('/api', router);
  app.listen(process.env.PORT || 3000, () => console.log('register dev server on :3000'));
}
