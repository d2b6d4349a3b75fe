# -*- coding: utf-8 -*-
"""members/signup/errors.py

Friendly messages for the sign-up form. Stormpath validation errors come back
as stormpath.error.Error with a numeric ``code``; database errors from our own
MySQL come back as OperationalError with the MySQL error number in args[0].
"""
from __future__ import unicode_literals

import logging

from MySQLdb import OperationalError
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

# Stormpath code -> message shown under the form
SIGNUP_ERRORS = {
    2000: "Please fill in all required fields.",
    2007: "Your password is too short.",
    2008: "One of the fields is too long.",
    7206: "Please sign up with your school e-mail address.",
}

# MySQL client errors worth one retry: 2006 "MySQL server has gone away",
# 2013 "Lost connection to MySQL server during query".
RETRYABLE_DB_ERRORS = frozenset([2006, 2013])

# Internal error ids for the support team (shown as "Ref: S-xxxx").
ERR_REF_UNKNOWN = "S-4001"
ERR_REF_DB = "S-4002"

GENERIC = "Something went wrong. Please try again later."


def message_for(exc):
    """Return (message, support_ref) for an exception raised during sign-up."""
    if isinstance(exc, StormpathError):
        msg = SIGNUP_ERRORS.get(exc.code)
        if msg is None:
            log.warning("unmapped Stormpath error %s: %s", exc.code, exc.developer_message)
            return GENERIC, ERR_REF_UNKNOWN
        return msg, None
    if isinstance(exc, OperationalError) and exc.args and exc.args[0] in RETRYABLE_DB_ERRORS:
        return "We're having trouble right now. Please try again in a minute.", ERR_REF_DB
    log.exception("sign-up failed")
    return GENERIC, ERR_REF_UNKNOWN
