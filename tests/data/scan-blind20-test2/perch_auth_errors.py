"""Error codes returned by the Perch client-portal API.

Perch's own codes live in PerchError and are sent to API clients as
{"perch_error": <code>, "detail": "..."}. Login failures come from Stormpath
(stormpath-sdk-python) and are translated in translate_stormpath_error(), so
that clients only ever see Perch codes.

Brackwater Falconry Ltd, 2016.
"""
import logging

from enum import IntEnum
from stormpath.error import Error as StormpathError

log = logging.getLogger("perch.auth")


class PerchError(IntEnum):
    # Perch's own codes. These numbers were chosen in 2014, before Perch used
    # Stormpath, and some of them happen to look like Stormpath codes.
    # They are NOT Stormpath codes.
    DUPLICATE_SITE_CODE = 2001
    REPORT_NOT_PUBLISHED = 2014
    SITE_NOT_FOUND = 5100
    SITE_ARCHIVED = 5101
    LOGIN_FAILED = 7000
    ACCOUNT_DISABLED = 7002
    LOGIN_UNAVAILABLE = 7009


def translate_stormpath_error(err):
    """Map a Stormpath login error onto a Perch error and a client message."""
    if not isinstance(err, StormpathError):
        raise TypeError("expected a Stormpath error, got %r" % err)

    # err.code is the Stormpath error code, err.status the HTTP status.
    if err.code == 7100:
        # Stormpath: wrong password
        return PerchError.LOGIN_FAILED, "Email or password not recognised."
    if err.code in (7101, 7106):
        # Stormpath: account disabled, or its whole directory is disabled
        # (we disable the directory when a client contract ends).
        return PerchError.ACCOUNT_DISABLED, (
            "This Perch login has been switched off. Please contact "
            "Brackwater client support on 01434 600210."
        )

    log.warning("unmapped Stormpath error %s (HTTP %s): %s",
                err.code, err.status, err.developer_message)
    return PerchError.LOGIN_UNAVAILABLE, "Login is unavailable, please try later."


def site_error(site_id, archived=False):
    """Perch's own site lookup errors (no Stormpath involvement)."""
    if archived:
        return PerchError.SITE_ARCHIVED, "Site %s has been archived." % site_id
    return PerchError.SITE_NOT_FOUND, "No site with id %s." % site_id
