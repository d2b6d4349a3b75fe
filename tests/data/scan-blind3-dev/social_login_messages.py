# Messages the Stormpath Python SDK surfaced in our social login integration test run
# (pasted from the CI output, code numbers were not printed).
KNOWN_SOCIAL_FAILURES = [
    "Stormpath was not able to complete the request to Facebook: this can be caused by either "
    "a bad Facebook directory configuration, or the provided account credentials are not valid.",
    "Stormpath is unable to create or update the account because the Github response did not "
    "contain the required 'email' property.",
    "Cannot create the Account because your email's domain is not allowed.",
]

CI_TIMEOUT = 600
RETRY_LIMIT = 2
