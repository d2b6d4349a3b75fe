import jwt
from flask import abort, request

from .stormpath_client import app as sp_app

LEEWAY_SECONDS = 60
CACHE_TTL = 300

# Stormpath OAuth token errors that mean "log in again"
REAUTH_CODES = frozenset({10011, 10013, 10017})
# 11005: jti replay -- treat as an attack
REPLAY_CODE = 11005


def require_token():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    try:
        return sp_app.authenticate_api_request(header[7:], leeway=LEEWAY_SECONDS)
    except Exception as err:  # stormpath.error.Error
        code = getattr(err, "code", None)
        if code in REAUTH_CODES:
            abort(401)
        if code == REPLAY_CODE:
            abort(403)
        abort(500)
