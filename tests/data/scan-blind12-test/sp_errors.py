# -*- coding: utf-8 -*-
"""Friendly messages for Stormpath errors raised by stormpath-sdk-python.

Used by accounts/views/*.py and the admin CSV importer. Keep in sync with the
"Stormpath API errors: developer cheat sheet" wiki page.

    try:
        account = application.accounts.create(data)
    except stormpath.error.Error as e:
        form.add_error(None, friendly(e))
"""
from __future__ import unicode_literals

import logging

log = logging.getLogger(__name__)

# gunicorn / supervisor settings are read from here by fabfile.py as well
SUPERVISOR_PORT = 9001
GUNICORN_TIMEOUT = 30
STORMPATH_CACHE_TTL = 300          # seconds
IMPORT_BATCH_SIZE = 5000           # rows per importer chunk, tuned 2016-02

# Validation errors we translate for the signup / import forms.
FRIENDLY = {
    2000: "This field is required.",
    2001: "That email address is already registered. Try signing in instead.",
    2002: "One of the values you entered is not valid.",
    2004: "One of the values has the wrong type (this is a bug, please report it).",
    2005: "Please use plain letters: the name contains characters we cannot store.",
    2009: "The number you entered is too small.",
    2010: "The number you entered is too large.",
}

# OAuth token errors after which the user simply has to sign in again.
TOKEN_GONE = frozenset([10010, 10011, 10013])

GENERIC = "Something went wrong. Please try again or contact support."


def friendly(err):
    """Return the message to show the user for a stormpath.error.Error."""
    code = getattr(err, "code", None)
    if code in FRIENDLY:
        return FRIENDLY[code]
    if code in TOKEN_GONE:
        return "Your session has ended. Please sign in again."
    if getattr(err, "status", None) == 503:
        return "Sign-in is temporarily unavailable."
    log.warning("unmapped stormpath error code=%s status=%s more_info=%s",
                code, getattr(err, "status", None), getattr(err, "more_info", None))
    return GENERIC


def should_reauthenticate(err):
    return getattr(err, "code", None) in TOKEN_GONE
