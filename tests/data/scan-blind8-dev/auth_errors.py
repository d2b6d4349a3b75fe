"""Token validation helpers for the legacy API gateway.

Access tokens are still minted by Stormpath for tenants that have not migrated.
"""
import logging
import socket

import grpc
import psycopg2
from psycopg2 import errorcodes
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

DB_PORT = 5432
TOKEN_CACHE_TTL = 3600          # seconds
MAX_CLOCK_SKEW = 300
REFRESH_ON = (10010, 10011, 10017)   # Stormpath: account disabled / expired / bad signature
REPLAYED_JTI = 11005                 # Stormpath: jti already used


def validate(app, token):
    try:
        return app.authenticate_api_request(token)
    except StormpathError as exc:
        if exc.code in REFRESH_ON:
            log.info("stormpath token rejected (%s), forcing refresh", exc.code)
            return None
        if exc.code == REPLAYED_JTI:
            log.warning("replayed token from %s", exc.request_id)
            raise PermissionError("token replay")
        raise


def store_session(conn, session_id, user_id):
    try:
        with conn.cursor() as cur:
            cur.execute("INSERT INTO sessions (id, user_id) VALUES (%s, %s)",
                        (session_id, user_id))
    except psycopg2.IntegrityError as e:
        if e.pgcode == errorcodes.UNIQUE_VIOLATION:   # 23505
            return
        raise


def call_profile_service(stub, req):
    try:
        return stub.GetProfile(req, timeout=2.5)
    except grpc.RpcError as e:
        if e.code() == grpc.StatusCode.UNAVAILABLE:   # 14
            return None
        raise
    except socket.timeout:
        return None
