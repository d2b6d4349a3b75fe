"""Error handling for the identity layer (Stormpath) and the reporting DB (MySQL)."""
import logging

import pymysql
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

DB_PORT = 3306
RETRY_BACKOFF_MS = 2000
MAX_RESULTS = 1000

# Stormpath error code -> message we show on the account settings page
STORMPATH_ERROR_MESSAGES = {
    2002: "That value is not valid.",
    2006: "That value is in the wrong format.",
    2014: "That reference does not exist any more.",
    3004: "Custom data is too large (10 MB limit).",
}

# MySQL client error numbers (pymysql.err.OperationalError.args[0])
MYSQL_ERRORS = {
    1045: "access denied",
    1213: "deadlock found",
    2003: "can't connect to MySQL server",
    2013: "lost connection to MySQL server during query",
}


def handle_identity_error(exc: StormpathError) -> str:
    if exc.code in (10011, 10017):
        log.info("access token rejected (%s), forcing re-login", exc.code)
        return "reauth"
    return STORMPATH_ERROR_MESSAGES.get(exc.code, "Unexpected error.")


def handle_db_error(exc: pymysql.err.OperationalError) -> str:
    errno = exc.args[0]
    if errno in (2003, 2013):
        log.warning("reporting DB unreachable on port %d", DB_PORT)
    return MYSQL_ERRORS.get(errno, "database error")
