"""PawPass error codes and the mapping from Stormpath login errors.

PawPassError values are OUR codes (see docs/api-error-reference.md).
Stormpath error codes only appear as the keys of STORMPATH_LOGIN_ERRORS.
"""
from enum import IntEnum

from stormpath.error import Error as StormpathError


class PawPassError(IntEnum):
    PET_NAME_MISSING = 2001
    SPECIES_UNSUPPORTED = 2002
    MICROCHIP_FORMAT = 2008
    RECORD_NOT_FOUND = 3001
    BALANCE_BLOCKS_BOOKING = 4002
    SLOT_TAKEN = 5104
    CLINIC_CLOSED = 5105
    REFILL_EXPIRED_RX = 6100
    REFILL_CONTROLLED = 6101
    SIGN_IN_FAILED = 7000


# Stormpath error code -> (HTTP status we return, client-facing message)
STORMPATH_LOGIN_ERRORS = {
    7100: (401, "Email or password is incorrect."),
    7101: (403, "Your account has been disabled. Please call your clinic."),
    7102: (403, "Please verify your email address first."),
    7103: (423, "Too many attempts. Your account is locked for 30 minutes."),
    # unknown email: same text as a wrong password on purpose (no account probing)
    7104: (401, "Email or password is incorrect."),
}

FALLBACK = (502, "Sign-in is unavailable right now. Please try again shortly.")


def translate_login_error(err):
    """Turn the stormpath.error.Error raised by
    application.authenticate_account() into (status, PawPass payload)."""
    if not isinstance(err, StormpathError):
        raise err
    status, text = STORMPATH_LOGIN_ERRORS.get(err.code, FALLBACK)
    return status, {
        "error": {
            "code": int(PawPassError.SIGN_IN_FAILED),
            "message": text,
            "upstream": {
                "provider": "stormpath",
                "code": err.code,
                "message": err.developer_message,
            },
        }
    }
