'use strict';

// Express error middleware for the signup/profile API.
// Stormpath ResourceErrors carry .status (HTTP) and .code (Stormpath error code).

const express = require('express');
const logger = require('./logger');

const PORT = process.env.PORT || 3000;

// mysql (users_mirror table) errno values we translate too
const MYSQL_ER_DUP_ENTRY = 1062;
const MYSQL_ER_ACCESS_DENIED = 1045;

// Stormpath validation errors that we can show to the user as-is
const FIELD_ERRORS = [2000, 2006, 2008];

function guessField(msg) {
  const m = /^Account (\w+)/.exec(msg || '');
  return m ? m[1] : 'unknown';
}

function stormpathErrorHandler(err, req, res, next) {
  if (!err) return next();

  if (err.errno === MYSQL_ER_DUP_ENTRY) {
    return res.status(409).json({ error: 'duplicate' });
  }
  if (err.errno === MYSQL_ER_ACCESS_DENIED) {
    logger.error('db credentials rejected');
    return res.status(503).end();
  }

  if (typeof err.code !== 'number') return next(err);

  if (err.code === 2001) {
    return res.status(409).json({
      field: guessField(err.userMessage),
      error: 'already_taken',
    });
  }
  if (FIELD_ERRORS.includes(err.code)) {
    return res.status(400).json({
      field: guessField(err.userMessage),
      error: err.userMessage,
    });
  }

  logger.warn({ code: err.code, status: err.status, moreInfo: err.moreInfo }, 'stormpath error');
  return res.status(err.status >= 500 ? 502 : 400).json({ error: 'request_failed' });
}

const app = express();
app.use(express.json({ limit: '100kb' }));
app.use('/api', require('./routes'));
app.use(stormpathErrorHandler);

if (require.main === module) {
  app.listen(PORT, () => logger.info(`listening on ${PORT}`));
}

module.exports = { app, stormpathErrorHandler };
