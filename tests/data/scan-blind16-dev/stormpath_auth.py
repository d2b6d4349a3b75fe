"""talon.auth.stormpath_auth - bearer-token checks for the Talon loyalty API.

Every Talon request carries a Stormpath OAuth access token issued to the
Kestrel Club web site, the mobile app or CallDesk. We validate it against
Stormpath (stormpath-sdk-python 2.4.4) and map Stormpath's error codes to
our HTTP answer and log key.

Talon also has its own error numbers (LOYALTY_ERRORS below). They are
returned in the JSON body as ``{"code": ..., "error": ...}`` with
``"source": "talon"``. They are *not* Stormpath codes, even where the
numbers look alike.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import g, jsonify, request
from stormpath.error import Error as StormpathError

log = logging.getLogger("talon.auth")

# Stormpath code -> (HTTP status we return, log key, tell the client to refresh?)
STORMPATH_TOKEN_ERRORS = {
    10010: (401, "account_disabled", False),   # account not enabled
    10011: (401, "token_expired", True),       # token expired -> client refreshes
    10017: (401, "bad_signature", False),      # JWT signature check failed
}

# Talon's own numbers (sent with "source": "talon").
LOYALTY_ERRORS = {
    4601: ("POINTS_EXPIRED", 409),
    4602: ("POINTS_RESERVED", 409),
    5120: ("PARTNER_FEED_LATE", 503),
    7103: ("TRANSFER_LIMIT_REACHED", 409),
    9000: ("LEDGER_UNAVAILABLE", 503),
}

TOKEN_CACHE_SECONDS = 120
MAX_POINTS_PER_TRANSFER = 10000


@dataclass
class AuthFailure(Exception):
    http_status: int
    key: str
    refresh: bool = False


def check_bearer(app) -> None:
    """Validate the bearer token on the current request, or raise AuthFailure."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise AuthFailure(401, "missing_token")
    try:
        result = app.authenticate_api_request(request, locations=["header"])
    except StormpathError as err:
        if err.code in STORMPATH_TOKEN_ERRORS:
            status, key, refresh = STORMPATH_TOKEN_ERRORS[err.code]
            log.warning("stormpath %s (%s): %s", err.code, key, err.developer_message)
            raise AuthFailure(status, key, refresh)
        if err.code == 7101:
            # Account disabled between token issue and use (Fraud disables
            # members); treat like 10010.
            raise AuthFailure(401, "account_disabled")
        # Partner-desk tokens issued without an org claim come back as
        # "Token is invalid because the 'org' claim value cannot be null or empty."
        # We treat that exactly like a bad signature.
        if err.developer_message and "claim value cannot be null or empty" in err.developer_message:
            raise AuthFailure(401, "bad_signature")
        log.error("unexpected stormpath error %s, request_id=%s: %s",
                  err.code, getattr(err, "request_id", None), err.developer_message)
        raise AuthFailure(502, "identity_unavailable")
    g.account = result.account


def loyalty_error(code: int):
    """Build Talon's own error response for one of LOYALTY_ERRORS."""
    name, status = LOYALTY_ERRORS[code]
    resp = jsonify({"code": code, "error": name, "source": "talon"})
    resp.status_code = status
    return resp
