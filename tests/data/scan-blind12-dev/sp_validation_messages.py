# -*- coding: utf-8 -*-
"""Friendly messages for Stormpath validation errors shown on the parent sign-up form.

Stormpath puts the reason in ``error.code``; ``error.message`` is English only and
sometimes names our internal field names, so we translate by code.
"""
from __future__ import unicode_literals

import logging

from flask_babel import lazy_gettext as _
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

# Give up on Stormpath after this long (ms) and show the generic message.
SOCKET_TIMEOUT_MS = 3000
MAX_FIELD_LENGTH = 255
SIGNUP_PORT = 5000  # local dev only

FRIENDLY = {
    2000: _("Please fill in all required fields."),
    2001: _("That e-mail address is already registered. Try signing in instead."),
    2002: _("One of the values you entered is not valid."),
    2004: _("One of the values you entered has the wrong type."),
    2005: _("Please use only standard characters (UTF-8)."),
    2008: _("One of the values is too long."),
    2009: _("A number you entered is too small."),
    2010: _("A number you entered is too large."),
    2011: _("The date is too far in the past."),
    2012: _("The date is too far in the future."),
    2013: _("A value is outside the allowed range."),
    6400: _("Password rules for this school are misconfigured. Please contact support."),
}

GENERIC = _("Sorry, we could not create your account. Please try again later.")

# HTTP statuses we treat as 'your input was wrong' rather than 'we are down'
CLIENT_ERRORS = (400, 409, 422)


def friendly_message(err):
    """Return a message for the form from a stormpath.error.Error."""
    if not isinstance(err, StormpathError):
        return GENERIC
    code = getattr(err, 'code', None)
    if code in FRIENDLY:
        return FRIENDLY[code]
    if getattr(err, 'status', None) in CLIENT_ERRORS:
        log.info("unmapped stormpath validation error code=%s: %s", code, err.developer_message)
        return err.user_message or GENERIC
    log.warning("stormpath error code=%s status=%s more_info=%s", code, err.status, err.more_info)
    return GENERIC
