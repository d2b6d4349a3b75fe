// Express middleware: validate the bearer token with Stormpath and refresh when possible.
const ms = require('ms');

const TOKEN_TTL_SECONDS = 3600;
const REFRESH_SKEW = ms('30s');
const HTTP_UNAUTHORIZED = 401;

// Stormpath OAuth error codes after which a refresh is worth trying.
const REFRESHABLE_STORMPATH_CODES = [10011, 10013];

// Stormpath codes that mean the account or app is gone for good.
const FATAL = new Set([10010, 10015, 10016]);

module.exports = function tokenGuard(application) {
  return function (req, res, next) {
    const token = (req.headers.authorization || '').replace(/^Bearer /, '');
    if (!token) {
      return res.status(HTTP_UNAUTHORIZED).end();
    }
    application.authenticateApiRequest({ request: req }, (err, result) => {
      if (!err) {
        req.user = result.account;
        return next();
      }
      if (REFRESHABLE_STORMPATH_CODES.includes(err.code)) {
        res.set('X-Token-Refresh', 'required');
        res.set('Retry-After', String(Math.round(REFRESH_SKEW / 1000)));
      } else if (FATAL.has(err.code)) {
        res.clearCookie('access_token');
      }
      return res.status(err.status === 400 ? 400 : HTTP_UNAUTHORIZED).json({ error: 'invalid_token' });
    });
  };
};
module.exports.TOKEN_TTL_SECONDS = TOKEN_TTL_SECONDS;
