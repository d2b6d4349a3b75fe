#!/usr/bin/env node
'use strict';
/**
 * export-stormpath-accounts.js
 *
 * Dumps every account of the Kestrel Club directories from Stormpath to
 * NDJSON (one account per line, with customData expanded) so that the Okta
 * import job can read them. Stormpath shuts down on 2017-08-17; this script
 * must have run cleanly for every directory before then.
 *
 * Usage: STORMPATH_CLIENT_APIKEY_ID=... STORMPATH_CLIENT_APIKEY_SECRET=... \
 *        node export-stormpath-accounts.js <directoryHref> > out.ndjson
 *
 * Owner: Priya Natarajan. 2017-05.
 */
const stormpath = require('stormpath');          // stormpath@0.20.0
const fs = require('fs');

const PAGE_LIMIT = 100;            // Stormpath's maximum page size
const MAX_RETRIES = 5;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000];
const RATE_LIMIT_STATUS = 429;

// Expected account counts per directory, from the admin console on
// 2017-05-02. Used as a sanity check only.
const EXPECTED = {
  'Kestrel Club Members': 196410,
  'Kestrel Club Members (2014 import)': 12002,
  'Kestrel Club Members (dormant)': 13105,
  'Staff AD (mirror)': 1106,
};

const client = new stormpath.Client({ apiKey: new stormpath.ApiKey(
  process.env.STORMPATH_CLIENT_APIKEY_ID,
  process.env.STORMPATH_CLIENT_APIKEY_SECRET) });

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

function getPage(directory, offset) {
  return new Promise((resolve, reject) => {
    directory.getAccounts({ limit: PAGE_LIMIT, offset, expand: 'customData' },
      (err, page) => (err ? reject(err) : resolve(page)));
  });
}

async function getPageWithRetry(directory, offset) {
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    try {
      return await getPage(directory, offset);
    } catch (err) {
      // Stormpath puts the HTTP status in err.status. For 404s the body's
      // `code` is just 404 again (with a mailto: moreInfo), so there is no
      // point in looking at err.code here.
      const retryable = err.status === RATE_LIMIT_STATUS || err.status >= 500;
      if (!retryable || attempt === MAX_RETRIES) throw err;
      const wait = BACKOFF_MS[attempt];
      process.stderr.write(`offset ${offset}: HTTP ${err.status}, retry ${attempt + 1} in ${wait} ms\n`);
      await sleep(wait);
    }
  }
}

async function main(directoryHref) {
  const directory = await new Promise((resolve, reject) =>
    client.getDirectory(directoryHref, (e, d) => (e ? reject(e) : resolve(d))));
  const out = fs.createWriteStream(null, { fd: 1 });
  let offset = 0;
  let total = 0;
  for (;;) {
    const page = await getPageWithRetry(directory, offset);
    for (const a of page.items) {
      out.write(JSON.stringify({
        href: a.href, email: a.email, username: a.username, status: a.status,
        givenName: a.givenName, surname: a.surname, createdAt: a.createdAt,
        club: a.customData.kestrelClubNo, tier: a.customData.tier,
      }) + '\n');
    }
    total += page.items.length;
    offset += PAGE_LIMIT;
    if (total % 10000 < PAGE_LIMIT) process.stderr.write(`${total} accounts...\n`);
    if (offset >= page.size) break;
  }
  const expected = EXPECTED[directory.name];
  process.stderr.write(`done: ${total} accounts from "${directory.name}" (expected ${expected})\n`);
  if (expected && Math.abs(total - expected) > 50) process.exitCode = 3;
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`export failed: HTTP ${err.status} ${err.userMessage || err.message}\n`);
  process.exit(2);
});
