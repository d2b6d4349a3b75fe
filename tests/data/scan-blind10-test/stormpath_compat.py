"""Helpers for talking to Stormpath from the billing worker.

Our customers' staff sign in through an on-prem AD directory that Stormpath
reaches through the LDAP agent, so agent outages show up here first.
"""
import logging
import time

from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

# Health endpoint of our own agent watchdog (not a Stormpath service).
AGENT_WATCHDOG_URL = 'http://ldap-watchdog.internal:9003/health'

# Stormpath codes that mean "the directory agent is unreachable or slow":
# worth retrying a few times before we give up on the login.
AGENT_UNAVAILABLE = frozenset({9000, 9002})

MAX_RETRIES = 3
BACKOFF_SECONDS = 2


class UnknownUser(Exception):
    pass


def authenticate(application, login, password):
    for attempt in range(1, MAX_RETRIES + 1):
        try:
            return application.authenticate_account(login, password).account
        except StormpathError as exc:
            code = getattr(exc, 'code', None)
            if code in AGENT_UNAVAILABLE and attempt < MAX_RETRIES:
                log.warning('stormpath agent unavailable (code=%s), retry %d/%d',
                            code, attempt, MAX_RETRIES)
                time.sleep(BACKOFF_SECONDS * attempt)
                continue
            if code == 7104:
                raise UnknownUser(login)
            log.error('stormpath error code=%s status=%s: %s', code,
                      getattr(exc, 'status', None), exc.developer_message)
            raise
