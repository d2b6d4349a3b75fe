# -*- coding: utf-8 -*-
"""
staffportal/auth/stormpath_client.py

Login for the Larkspur staff portal (Flask 0.10, stormpath-sdk-python 2.4).
Front-desk staff authenticate against the on-prem Active Directory, which
Stormpath reaches through the Directory Agent running on DC-SFO-02.

Also owns the MySQL connection used to cache shift rosters (db-roster:3306).
"""
import errno
import logging
import socket
import time

import pymysql
from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

DB_HOST, DB_PORT = "db-roster.int.larkspurhotels.com", 3306
DB_CONNECT_TIMEOUT = 5          # seconds
SOCKET_BUFFER = 8192
MAX_ATTEMPTS = 4
BACKOFF = (0.5, 1, 2, 4)

# pymysql puts the MySQL error number in e.args[0]
MYSQL_RECONNECT = {
    2003,   # Can't connect to MySQL server
    2006,   # MySQL server has gone away
    2013,   # Lost connection to MySQL server during query
}
MYSQL_DEADLOCK = 1213

# Stormpath: the AD agent is flaky after the DC patches on Tuesdays. These
# codes mean Stormpath could not get an (in-time) answer from the agent, so a
# retry a few seconds later usually works.
AGENT_UNREACHABLE = 9000
AGENT_TIMEOUT = 9002

# Access-token problems: send the user back to the login page.
TOKEN_EXPIRED = 10011
TOKEN_BAD_SIGNATURE = 10017


class StaffLoginFailed(Exception):
    def __init__(self, reason, retry_after=None):
        super(StaffLoginFailed, self).__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def authenticate(app, username, password):
    for attempt in range(MAX_ATTEMPTS):
        try:
            return app.authenticate_account(username, password).account
        except StormpathError as e:
            if e.code in (AGENT_UNREACHABLE, AGENT_TIMEOUT):
                log.warning("AD agent not answering (code %s), attempt %d/%d",
                            e.code, attempt + 1, MAX_ATTEMPTS)
                time.sleep(BACKOFF[attempt])
                continue
            if e.code == 7104:
                # no such user in the mapped account stores -> usually a
                # typo in the employee number, e.g. "LH01234" vs "LH1234"
                raise StaffLoginFailed("unknown_user")
            log.info("Stormpath login failure %s (status %s): %s",
                     e.code, e.status, e.developer_message)
            raise StaffLoginFailed("bad_credentials")
    raise StaffLoginFailed("directory_unavailable", retry_after=30)


def validate_access_token(app, token):
    try:
        return app.authenticate_api_request(
            {"Authorization": "Bearer " + token}, scopes=["staff"])
    except StormpathError as e:
        if e.code in {TOKEN_EXPIRED, TOKEN_BAD_SIGNATURE}:
            return None
        raise


def roster_connection():
    last = None
    for attempt in range(MAX_ATTEMPTS):
        try:
            return pymysql.connect(host=DB_HOST, port=DB_PORT, user="roster_ro",
                                   connect_timeout=DB_CONNECT_TIMEOUT,
                                   db="roster", charset="utf8mb4")
        except pymysql.err.OperationalError as e:
            last = e
            if e.args[0] in MYSQL_RECONNECT or e.args[0] == MYSQL_DEADLOCK:
                time.sleep(BACKOFF[attempt])
                continue
            raise
        except socket.error as e:
            if e.errno in (errno.ECONNREFUSED, errno.ETIMEDOUT):
                last = e
                time.sleep(BACKOFF[attempt])
                continue
            raise
    raise last
