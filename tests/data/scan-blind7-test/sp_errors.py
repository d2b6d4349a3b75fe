# -*- coding: utf-8 -*-
"""Error handling for the Stormpath login view.

Written 2015-04 for the intranet Flask app (python 2.7, stormpath 2.0.x).
"""
import logging
import socket

from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

LDAP_PORT = 389
LDAP_INVALID_CREDENTIALS = 49     # our on-prem fallback binds directly
SMTP_AUTH_FAILED = 535
SOCKET_TIMEOUT = 9.0

# Stormpath cannot reach the agent / our AD box -> show the maintenance page
AGENT_DOWN = frozenset([9000, 9001, 9002])


def classify(exc):
    """Return one of 'credentials', 'agent', 'other'."""
    if isinstance(exc, StormpathError):
        if exc.code in (7100, 7104):
            return 'credentials'
        if exc.code in AGENT_DOWN:
            log.warning('stormpath agent problem (%s): %s', exc.code, exc.developer_message)
            return 'agent'
        return 'other'
    if isinstance(exc, socket.timeout):
        return 'agent'
    if getattr(exc, 'result', None) == LDAP_INVALID_CREDENTIALS:
        return 'credentials'
    return 'other'
