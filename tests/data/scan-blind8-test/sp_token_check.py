"""Validate access tokens issued by the old Stormpath app before we cut over.

Tokens that fail with a recoverable Stormpath error are refreshed once;
everything else sends the user back to the login page.
"""
import logging
import time

import psycopg2
from psycopg2 import errorcodes
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

MAX_RETRIES = 3
BACKOFF_SECONDS = 1.5
HTTP_UNAUTHORIZED = 401

# Stormpath codes after which a refresh is worth trying
REFRESHABLE = {10011, 10017}


def check_token(app, token, conn):
    for attempt in range(MAX_RETRIES):
        try:
            return app.authenticate_oauth_request(token)
        except StormpathError as err:
            if err.code in REFRESHABLE:
                log.info("token rejected (code=%s), refreshing", err.code)
                token = refresh(app, token)
                continue
            if err.code == 11005:
                # jti replay: someone is re-using a token, do not refresh
                audit(conn, token, reason="replayed jti")
                return None
            log.warning("stormpath status=%s code=%s", err.status, err.code)
            return None
        except psycopg2.Error as db_err:
            if db_err.pgcode == errorcodes.SERIALIZATION_FAILURE:  # '40001'
                time.sleep(BACKOFF_SECONDS * (attempt + 1))
                continue
            raise
    return None


def audit(conn, token, reason):
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO token_audit (token_hash, reason, http_status) VALUES (%s, %s, %s)",
            (hash(token) % 2**31, reason, HTTP_UNAUTHORIZED),
        )
