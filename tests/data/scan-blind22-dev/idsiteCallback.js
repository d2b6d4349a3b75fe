/**
 * wellness-portal/routes/idsiteCallback.js
 *
 * Corporate wellness portal (wellness.northgateclubs.com). Employees of partner
 * companies sign in through Stormpath ID Site; each partner is a Stormpath
 * Organization, some of them with SAML to their own IdP (ADFS, Okta, OneLogin).
 */
var express = require('express');
var nJwt = require('njwt');
var config = require('../config');
var audit = require('../audit');

var router = express.Router();

var JWT_MAX_AGE_SECONDS = 60;          // ID Site response must be used within a minute
var PORTAL_PORT = process.env.PORT || 8443;

// Stormpath errors that can come back on the ID Site callback, and what we tell
// the employee. Everything else -> generic page.
function describe(code) {
  switch (code) {
    case 12001:
      return { view: 'session-timeout', retry: true };
    case 12002:
      return { view: 'not-authenticated', retry: true };
    case 11001:
    case 11002:
      // nameKey unknown or organization disabled: partner contract ended?
      return { view: 'partner-inactive', retry: false };
    case 11003:
      return { view: 'partner-not-mapped', retry: false, alert: true };
    case 11005:
      // jti replay: user hit back/refresh on the callback URL
      return { view: 'session-timeout', retry: true };
    case 10100:
    case 10101:
    case 10102:
      return { view: 'saml-problem', retry: false, alert: true };
    default:
      return { view: 'error', retry: true };
  }
}

router.get('/idsite/callback', function (req, res) {
  var token = req.query.jwtResponse;
  if (!token) {
    return res.redirect(302, '/login');
  }

  req.app.get('stormpathApplication').handleIdSiteCallback(token, function (err, result) {
    if (err) {
      var what = describe(err.code);
      audit.write({
        event: 'idsite.callback.failed',
        status: err.status,
        code: err.code,
        org: req.query.org || null
      });
      if (what.alert) {
        audit.alertPartnerTeam(err);
      }
      return res.status(err.status || 400).render(what.view, { retry: what.retry });
    }

    var claims = nJwt.verify(token, config.stormpath.apiKeySecret).body;
    if (Date.now() / 1000 - claims.iat > JWT_MAX_AGE_SECONDS) {
      return res.redirect(302, '/login?stale=1');
    }
    req.session.accountHref = result.account.href;
    req.session.org = claims.org;
    res.redirect(302, '/dashboard');
  });
});

module.exports = router;
module.exports.describe = describe;
module.exports.PORTAL_PORT = PORTAL_PORT;
