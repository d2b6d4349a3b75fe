#!/usr/bin/env node
/*
 * tools/stormpath-export/stormpath_export.js
 *
 * One-off: dump every Stormpath account (with customData and group names) from the
 * brightpaw-prod tenant to NDJSON, for the Okta import. Stormpath shuts down 2017-08-17.
 *
 * Greg Mott / Dana Okafor, 2017-03.  Run:  node stormpath_export.js --dir "PawPal Owners" > owners.ndjson
 */
'use strict';

const stormpath = require('stormpath');
const argv = require('minimist')(process.argv.slice(2));

const PAGE_LIMIT = 100;           // Stormpath's max page size
const CONCURRENCY = 4;
const MAX_RETRIES = 5;
const BACKOFF_MS = 1000;
const STATUS_PORT = 9102;         // tiny progress endpoint for the migration dashboard

// Query errors mean this script is wrong; retrying won't help.
const FATAL_QUERY_ERRORS = new Set([2103, 2104, 2107]);

const client = new stormpath.Client({ apiKey: new stormpath.ApiKey(process.env.SP_ID, process.env.SP_SECRET) });

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withRetry(label, fn) {
  for (let attempt = 1; attempt <= MAX_RETRIES; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (FATAL_QUERY_ERRORS.has(err.code)) {
        console.error(`[fatal] ${label}: Stormpath ${err.code} ${err.developerMessage}`);
        process.exit(2);
      }
      if (err.code === 1100) {
        // happened once when the proxy turned our GET into a PUT
        console.error(`[fatal] ${label}: method rejected (${err.developerMessage})`);
        process.exit(3);
      }
      if (err.status === 429 || err.status >= 500) {
        const wait = BACKOFF_MS * Math.pow(2, attempt - 1);
        console.error(`[retry ${attempt}/${MAX_RETRIES}] ${label}: HTTP ${err.status}, waiting ${wait}ms`);
        await sleep(wait);
        continue;
      }
      throw err;
    }
  }
  throw new Error(`${label}: gave up after ${MAX_RETRIES} attempts`);
}

async function exportDirectory(dirName) {
  const dirs = await withRetry('directories', () =>
    new Promise((res, rej) => client.getDirectories({ name: dirName }, (e, c) => (e ? rej(e) : res(c)))));

  let exported = 0;
  await dirs.each((dir, nextDir) => {
    const query = { limit: PAGE_LIMIT, orderBy: 'createdAt asc', expand: 'customData,groups(offset:0,limit:25)' };
    dir.getAccounts(query, (err, accounts) => {
      if (err) {
        return withRetry(`accounts of ${dir.name}`, () => Promise.reject(err));
      }
      accounts.eachLimit(CONCURRENCY, (account, next) => {
        process.stdout.write(JSON.stringify({
          email: account.email,
          givenName: account.givenName,
          surname: account.surname,
          status: account.status,
          createdAt: account.createdAt,
          clinicId: account.customData.clinicId || null,
          petIds: account.customData.petIds || [],
          groups: (account.groups.items || []).map((g) => g.name),
        }) + '\n');
        exported++;
        next();
      }, nextDir);
    });
  });
  console.error(`exported ${exported} accounts from "${dirName}"`);
}

exportDirectory(argv.dir || 'PawPal Owners').catch((e) => {
  console.error(e);
  process.exit(1);
});
