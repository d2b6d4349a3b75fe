# eshelf/auth/errors.py
"""Translate Stormpath errors into flash messages for Lakeshore eShelf.

eShelf is the e-book / e-audiobook lending site (Flask + Flask-Stormpath).
Loans themselves go through LendStream; only sign-in and the patron profile
live in Stormpath.
"""
import logging

from flask_babel import lazy_gettext as _
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

LOAN_LIMIT = 10          # simultaneous e-book loans per card
HOLD_LIMIT = 15
LOAN_PERIOD_DAYS = 21
LENDSTREAM_TIMEOUT = 6.5  # seconds

# Stormpath error code -> what the patron sees
STORMPATH_FLASH = {
    7100: _('That card number or PIN is not right.'),
    7102: _('Please verify your e-mail address before borrowing e-books.'),
    2001: _('That e-mail address is already registered.'),
    5115: _('PIN resets are switched off at the moment. Please call your branch.'),
}

# Token is dead -> log the patron out and send them to /login?next=...
REAUTH_CODES = frozenset({10011, 10015})

# LendStream (our e-book vendor) returns its own numeric codes. NOT Stormpath.
LENDSTREAM_ERRORS = {
    1001: _('This title is not available to borrow right now.'),
    1004: _('You have reached your loan limit.'),
    3107: _('This title cannot be downloaded in your region.'),
}


def should_reauth(err):
    return isinstance(err, StormpathError) and err.code in REAUTH_CODES


def translate(err):
    """Return (flash_message, http_status) for an exception raised during auth."""
    if isinstance(err, StormpathError):
        if err.code == 2016:
            # unknown e-mail on "Forgot PIN": say the same thing as success,
            # so nobody can probe which addresses have cards
            return _('If that address is on file, we sent you an e-mail.'), 200
        if err.code in REAUTH_CODES:
            return _('Your session has expired. Please sign in again.'), 401
        msg = STORMPATH_FLASH.get(err.code)
        if msg is None:
            log.warning('unmapped Stormpath error %s (HTTP %s): %s',
                        err.code, err.status, err.developer_message)
            msg = _('Sign-in is not working right now. Please try again later.')
        return msg, 400 if err.status < 500 else 503

    code = getattr(err, 'lendstream_code', None)
    if code in LENDSTREAM_ERRORS:
        return LENDSTREAM_ERRORS[code], 409
    log.exception('unexpected error in auth flow')
    return _('Something went wrong.'), 500
