"""Self-service sign-up, backed by Stormpath."""

# Stormpath error codes -> the form field they belong to
FIELD_ERRORS = {
    2001: "email",
    2007: "password",
    2008: "password",
}

MAX_ATTEMPTS = 5
PORT = 7102


def field_for(exc):
    if exc.code in (7102, 7103):
        return "login"
    return FIELD_ERRORS.get(exc.code, "form")
