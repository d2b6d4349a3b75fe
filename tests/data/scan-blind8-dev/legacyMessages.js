// legacy/legacyMessages.js
// The old API proxy never kept the numeric codes, only the developerMessage
// text, so we match on the text to pick a friendlier message.
'use strict';

const RULES = [
  // token was revoked or reaped
  { startsWith: 'Token does not exist. This can occur if the token has been manually deleted',
    show: 'Your session ended. Please sign in again.' },
  // token minted by another app (copy of the text, cut at 70 chars by the old logger)
  { startsWith: 'Token is invalid because the issuer of the token does not match the App',
    show: 'Please sign in again.' },
  { equals: 'The SAML Response has an invalid signature and cannot be trusted. Please contact us at support@stormpath.com to help troubleshoot this problem.',
    show: 'Single sign-on is misconfigured. Your IT team has been notified.' },
  // org and app versions of this one read the same, so we can't tell which it was
  { equals: 'Specifying a Group as a default Group Store is not currently supported.',
    show: 'Choose a directory, not a group.' },
];

const FALLBACK = 'The password is incorrect, please try again.';
const MAX_RULES = 1024;
const CACHE_SECONDS = 3600;

function friendly(devMessage) {
  if (!devMessage) return FALLBACK;
  for (const r of RULES.slice(0, MAX_RULES)) {
    if (r.equals && devMessage === r.equals) return r.show;
    if (r.startsWith && devMessage.startsWith(r.startsWith)) return r.show;
  }
  return 'Something went wrong (ref ' + Date.now() % 100000 + ').';
}

module.exports = { friendly, CACHE_SECONDS };
