"""Owner sign-in for the MyBrightwater portal (Python services).

Wraps the Stormpath SDK so the rest of the code never sees Stormpath
exceptions. Returns our own result codes (OWNER_* below), which are what the
mobile app and portal display. 2016-05, dev.raman
"""
import logging
import time

from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger("owner_auth")

# --- Brightwater result codes shown to owners (ours, not Stormpath's) ---
OWNER_OK = 0
OWNER_BAD_LOGIN = 5104        # "Email or password is incorrect"
OWNER_CALL_CLINIC = 5105      # account needs a human (disabled / blocked)
OWNER_TRY_LATER = 5106        # locked or provider unavailable

# Stormpath login failure codes and what we map them to
STORMPATH_BAD_PASSWORD = 7100
STORMPATH_LOCKED = 7103
STORMPATH_BLOCKED = (7101, 7105, 7106)  # account / group / directory disabled

HTTP_TIMEOUT_MS = 3000
STATSD_ADDR = ("127.0.0.1", 8125)


def sign_in(application, email, password):
    started = time.time()
    try:
        result = application.authenticate_account(email, password)
        return OWNER_OK, result.account
    except StormpathError as e:
        log.warning("stormpath login failed code=%s status=%s msg=%s",
                    e.code, e.status, e.developer_message)
        if e.code == STORMPATH_BAD_PASSWORD:
            return OWNER_BAD_LOGIN, None
        if e.code in STORMPATH_BLOCKED:
            return OWNER_CALL_CLINIC, None
        if e.code == STORMPATH_LOCKED or (e.status or 0) >= 500:
            return OWNER_TRY_LATER, None
        # 7104 (no such account) deliberately shows the same text as a bad
        # password so we don't leak which emails are registered.
        return OWNER_BAD_LOGIN, None
    finally:
        log.debug("sign_in took %.0f ms (budget %d ms)",
                  (time.time() - started) * 1000, HTTP_TIMEOUT_MS)
