"""Bearer-token middleware for the reports API.

Validates access tokens against Stormpath and maps failures to our responses.
Timeouts are in milliseconds; see settings.py for the 10000 ms default.
"""
import logging
import time

from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

RETRY_BACKOFF_MS = 3000        # wait before one retry on 5xx
MAX_TOKEN_AGE_S = 3600
CACHE_SIZE = 2048
REPORTS_PORT = 5000            # dev server port

# Stormpath OAuth error we handle specially: 10011 (expired token).
TOKEN_EXPIRED = 10011


def authenticate(app, request):
    token = request.headers.get("Authorization", "").replace("Bearer ", "")
    try:
        result = app.authenticate_api_request(
            request.method, request.url, request.headers, ttl=MAX_TOKEN_AGE_S)
        return result.account
    except StormpathError as e:
        if e.code == TOKEN_EXPIRED:
            # "Token is no longer valid because it has expired." -> ask the SPA to refresh
            return _reply(401, "token_expired", retry_after_ms=0)
        if e.status >= 500:
            time.sleep(RETRY_BACKOFF_MS / 1000.0)
            log.warning("stormpath %s, retried once (request %s)", e.status, e.request_id)
            return _reply(503, "upstream_unavailable", retry_after_ms=RETRY_BACKOFF_MS)
        log.info("token rejected: status=%s code=%s", e.status, e.code)
        return _reply(401, "invalid_token")


def _reply(status, reason, retry_after_ms=None):
    body = {"status": status, "reason": reason}
    if retry_after_ms is not None:
        body["retry_after_ms"] = retry_after_ms
    return body


# TODO(2017): reports API error codes 6001-6009 are ours (see docs/errors.md),
# keep them out of the Stormpath branch above. Line 2014 of the old module
# had the same logic; removed in PR #7100.
