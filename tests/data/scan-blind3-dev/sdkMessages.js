// Copied from the server responses we saw while writing the onboarding wizard,
// so the wizard can recognise them even when no code is attached.
module.exports = {
  NO_DEFAULT_STORE:
    'This Application does not have a default account store for newly created accounts. To fix this problem: in the Application',
  AGENT_DOWN:
    'Stormpath, while acting as a gateway/proxy to your directory service, was not able to reach the Stormpath Directory Agent',
  SAML_BAD_SIGNATURE:
    'The SAML response has an invalid signature and cannot be trusted.',
  // our own wording, not from the server
  GENERIC: 'Something went wrong while talking to the identity service.',
  TIMEOUT_MS: 30000,
};
