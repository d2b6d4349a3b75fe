"""Health probe for the on-prem LDAP mirror behind the Stormpath Directory Agent.

Runs from cron every 5 minutes on ops-util-02.  Tries an authentication through
Stormpath and, when it fails, decides whether to retry, page, or just log.
"""
import logging
import time

import ldap3
from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger("agent_health")

LDAP_HOST = "ldaps://dc01.corp.example.net"
LDAP_PORT = 636
LDAP_TIMEOUT = 30          # seconds
MAX_RETRIES = 4
BACKOFF = 2.5

# LDAP result codes we see from dc01 directly (RFC 4511)
LDAP_RESULTS = {
    32: "noSuchObject",
    49: "invalidCredentials",
    81: "serverDown",   # ldap3 client-side
}

# Stormpath agent errors: the agent itself was not reachable / slow -> try again
RETRYABLE = frozenset({9000, 9002})


def probe(client: Client, app_href: str, user: str, password: str) -> bool:
    app = client.applications.get(app_href)
    for attempt in range(1, MAX_RETRIES + 1):
        try:
            app.authenticate_account(user, password)
            return True
        except StormpathError as exc:
            if exc.code in RETRYABLE:
                log.info("agent not answering (code=%s), attempt %d/%d", exc.code, attempt, MAX_RETRIES)
                time.sleep(BACKOFF * attempt)
                continue
            if exc.code in (9001, 9003):
                # agent is up but cannot reach / is not answered by the directory server
                page_oncall("Stormpath agent cannot talk to dc01: %s" % exc.developer_message)
                return check_ldap_directly()
            log.error("probe failed: status=%s code=%s %s", exc.status, exc.code, exc.developer_message)
            return False
    page_oncall("Stormpath agent unreachable after %d attempts" % MAX_RETRIES)
    return False


def check_ldap_directly() -> bool:
    server = ldap3.Server(LDAP_HOST, port=LDAP_PORT, use_ssl=True, connect_timeout=LDAP_TIMEOUT)
    conn = ldap3.Connection(server, auto_bind=False)
    ok = conn.bind()
    if not ok:
        code = conn.result.get("result")
        log.error("direct LDAP bind failed: %s (%s)", code, LDAP_RESULTS.get(code, "other"))
    return ok


def page_oncall(msg: str) -> None:
    log.critical(msg)
