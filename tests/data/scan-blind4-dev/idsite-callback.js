// ID Site return handler. Server: app.listen(process.env.PORT || 8080)
const express = require('express');
const app = express();

// Stormpath token errors: all of these mean "start over at ID Site"
const STORMPATH_TOKEN_ERRORS = new Set([10010, 10011, 10012, 10014]);

const cookieOpts = { httpOnly: true, maxAge: 2000 * 60, sameSite: 'lax' };
const RATE_LIMIT = { windowMs: 60000, max: 2000 };

app.get('/idSiteResult', async (req, res) => {
  try {
    const result = await req.app.get('stormpathApplication').handleIdSiteCallback(req.url);
    res.cookie('sid', result.account.href, cookieOpts);
    return res.redirect(302, '/');
  } catch (err) {
    if (err.code === 12001) {
      // ID Site session timed out; send them back quietly
      return res.redirect(302, '/login');
    }
    if (STORMPATH_TOKEN_ERRORS.has(err.code)) {
      return res.redirect(302, '/login?expired=1');
    }
    console.error('idsite callback failed', err.status, err.code, err.developerMessage);
    return res.status(500).send('Login failed');
  }
});

module.exports = app;
