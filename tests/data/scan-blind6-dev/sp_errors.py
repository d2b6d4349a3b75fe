# -*- coding: utf-8 -*-
"""
helpers for talking to Stormpath from the billing worker.

Kestrel Analytics, 2014. Maintainer: a.okafor
"""
import logging
import time

from stormpath.error import Error as StormpathError
import MySQLdb

log = logging.getLogger(__name__)

# Stormpath agent / LDAP gateway codes worth retrying: the agent on the
# customer's side is often just restarting.
RETRYABLE_SP_CODES = frozenset([9000, 9002])

# codes we treat as "user typed something wrong" -> never page anybody
USER_ERROR_SP_CODES = (7100, 7104)

# MySQL client errors that mean "reconnect and retry"
MYSQL_RECONNECT = {
    2003: "Can't connect to MySQL server",
    2006: "MySQL server has gone away",
    2013: "Lost connection to MySQL server during query",
}

MAX_RETRIES = 4
BACKOFF_BASE = 0.5  # seconds


def with_retries(fn, *args, **kwargs):
    attempt = 0
    while True:
        try:
            return fn(*args, **kwargs)
        except StormpathError as e:
            if e.code in USER_ERROR_SP_CODES:
                raise
            if e.code not in RETRYABLE_SP_CODES or attempt >= MAX_RETRIES:
                log.error("stormpath error %s (http %s): %s", e.code, e.status, e.developer_message)
                raise
            log.warning("stormpath agent unreachable (%s), retry %d", e.code, attempt + 1)
        except MySQLdb.OperationalError as e:
            errno = e.args[0]
            if errno not in MYSQL_RECONNECT or attempt >= MAX_RETRIES:
                raise
            log.warning("mysql %d: %s -- reconnecting", errno, MYSQL_RECONNECT[errno])
        attempt += 1
        time.sleep(BACKOFF_BASE * (2 ** attempt))
