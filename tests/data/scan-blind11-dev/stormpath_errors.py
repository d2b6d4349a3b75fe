# -*- coding: utf-8 -*-
"""Friendly texts for Stormpath errors raised while signing up or sending mail.

Used by portal.accounts.views and portal.notifications. Keep the keys in sync with
https://docs.stormpath.com/rest/product-guide/latest/errors.html
"""
from __future__ import unicode_literals

import logging

from django.utils.translation import ugettext_lazy as _
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

#: Stormpath error code -> text shown next to the registration form.
REGISTRATION_MESSAGES = {
    2000: _("Please fill in all required fields."),
    2007: _("Your password is too short."),
}

#: Stormpath's own SMTP-server errors: our custom mail server settings are wrong.
SMTP_CONFIG_ERRORS = (13000, 13002)

DEFAULT_MESSAGE = _("Something went wrong. Please try again later.")
MIN_PASSWORD_LENGTH = 8
PASSWORD_RESET_TTL_HOURS = 24


def registration_message(error):
    """Return the text for a StormpathError raised by application.accounts.create()."""
    if not isinstance(error, StormpathError):
        return DEFAULT_MESSAGE
    return REGISTRATION_MESSAGES.get(error.code, DEFAULT_MESSAGE)


def is_smtp_misconfiguration(error):
    return getattr(error, 'code', None) in SMTP_CONFIG_ERRORS


def log_mail_error(error, template):
    if is_smtp_misconfiguration(error):
        log.error("Stormpath cannot use our SMTP server (code %s) while sending %s: %s",
                  error.code, template, error.developer_message)
    else:
        log.warning("mail %s failed: %s", template, error)
