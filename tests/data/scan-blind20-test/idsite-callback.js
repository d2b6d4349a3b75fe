'use strict';
// kiosk-web/routes/idsite-callback.js
// Handles the redirect back from Stormpath ID Site for the check-in kiosks.
// 2017-02 jen.k - stop showing the raw error page for ID Site timeouts.

const express = require('express');
const stormpath = require('stormpath');
const log = require('../lib/log')('idsite');

const router = express.Router();

// Kiosk screen codes (our own numbering, printed in the kiosk binder).
const KIOSK_SCREEN = {
  RESTART_SIGN_IN: 4600,
  CALL_DESK: 4601,
  TRY_AGAIN: 4602,
};

// Stormpath ID Site / token error codes we handle specially.
const SP_IDSITE_TIMEOUT = 12001;   // "The session on ID Site has timed out."
const SP_JWT_REPLAYED = 11005;     // jti already used (double submit / back button)
const SP_JWT_BAD_SIGNATURE = 10017;

router.get('/idsite/callback', (req, res) => {
  const application = req.app.get('stormpathApplication');

  application.handleIdSiteCallback(req.url, (err, result) => {
    if (err) {
      log.warn('ID Site callback error', { code: err.code, status: err.status, msg: err.developerMessage });

      if (err.code === SP_IDSITE_TIMEOUT) {
        // owner walked away from the kiosk; start over without scaring the next person
        return res.redirect('/checkin?screen=' + KIOSK_SCREEN.RESTART_SIGN_IN);
      }
      if (err.code === SP_JWT_REPLAYED) {
        return res.redirect('/checkin?screen=' + KIOSK_SCREEN.TRY_AGAIN);
      }
      if (err.code === SP_JWT_BAD_SIGNATURE) {
        log.error('ID Site JWT signature check failed - check STORMPATH_CLIENT_APIKEY_SECRET on this kiosk host');
      }
      return res.redirect('/checkin?screen=' + KIOSK_SCREEN.CALL_DESK);
    }

    req.session.accountHref = result.account.href;
    res.redirect('/checkin/pets');
  });
});

module.exports = router;

if (require.main === module) {
  const app = express();
  app.use(router);
  app.listen(process.env.PORT || 3000, () => log.info('idsite callback dev server on :3000'));
}
