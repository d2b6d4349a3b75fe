'use strict';

/**
 * partner-portal/server/lib/knownErrors.js
 *
 * express-stormpath 2.x hands our error view only `err.message`, not the
 * numeric code, so for the store-staff screens we recognise the handful of
 * failures we care about by the start of the message text. Prefixes, not
 * full strings: Stormpath has changed punctuation and capitalisation on us
 * before (June 2016 backend release).
 *
 * TODO(maya): drop this once we are on express-stormpath 3.x and can read err.code.
 */

const PREFIXES = Object.freeze({
  // Store chain switched off a branch's group or whole directory (e.g. a store closed).
  GROUP_OFF:        'Login attempt failed because the Account is in a Group that is disabled',
  DIRECTORY_OFF:    'Login attempt failed because the Account is in a Directory',
  ORGANIZATION_OFF: 'Login attempt failed because the Account is in an Organization that is disab',

  // Password reset pressed while the portal app is in maintenance mode (we disable
  // the Stormpath application during the Sunday stock sync, 02:00-03:30).
  RESET_DURING_MAINTENANCE: 'The application cannot attempt the password reset workflow because it is disabled',

  // "Resend verification email" on a chain that never turned verification on.
  NO_VERIFICATION_WORKFLOW: "The account's directory is not enabled for the verification email workflow",

  // Seen from the admin screen that creates store groups. Rare.
  GROUP_AS_GROUP_STORE: 'Specifying a Group as a default Group Store is not currently supported',

  // Catch-all for the remaining account-state failures (disabled, unverified, locked...).
  ACCOUNT_STATE: 'Login attempt failed because the Account is',
});

const FRIENDLY = {
  GROUP_OFF: 'Your store has been closed on Cartwheel. Ask your area manager.',
  DIRECTORY_OFF: 'Your company has paused its Cartwheel account. Ask your head office.',
  ORGANIZATION_OFF: 'Your company has paused its Cartwheel account. Ask your head office.',
  RESET_DURING_MAINTENANCE: 'Password resets are paused for maintenance until 03:30. Please try again later.',
  NO_VERIFICATION_WORKFLOW: 'Your company does not use email verification. You can sign in straight away.',
  GROUP_AS_GROUP_STORE: 'That setting is not available. Please contact partner support.',
  ACCOUNT_STATE: 'Your login is not active. Ask your store manager.',
};

const ORDER = [
  'GROUP_OFF', 'DIRECTORY_OFF', 'ORGANIZATION_OFF',
  'RESET_DURING_MAINTENANCE', 'NO_VERIFICATION_WORKFLOW', 'GROUP_AS_GROUP_STORE',
  'ACCOUNT_STATE', // must stay last, it is a prefix of the first three
];

const MAX_MESSAGE_LENGTH = 512;

function classify(message) {
  const text = String(message || '').slice(0, MAX_MESSAGE_LENGTH);
  for (const key of ORDER) {
    if (text.toLowerCase().startsWith(PREFIXES[key].toLowerCase())) {
      return key;
    }
  }
  return null;
}

function friendlyMessage(err) {
  const key = classify(err && err.message);
  return key ? FRIENDLY[key] : 'Something went wrong. Please try again or call partner support on 0161 496 0800.';
}

module.exports = { PREFIXES, classify, friendlyMessage };
