"""hrg_common.db_retry - one retry policy for every database the integration
jobs talk to (permit system on Oracle, 311 CRM on SQL Server, AquaBill replica
on MySQL, SSO bridge on MongoDB).

The numbers below are the databases' own error numbers.
"""
import functools
import logging
import random
import time

log = logging.getLogger(__name__)

# MySQL client errors (CR_*): transient network conditions.
MYSQL_TRANSIENT = {
    2002,  # CR_CONNECTION_ERROR   can't connect through socket
    2003,  # CR_CONN_HOST_ERROR    can't connect to MySQL server on host
    2006,  # CR_SERVER_GONE_ERROR  MySQL server has gone away
    2013,  # CR_SERVER_LOST        lost connection during query
    1205,  # ER_LOCK_WAIT_TIMEOUT
    1213,  # ER_LOCK_DEADLOCK
}

# SQL Server error numbers (sys.messages) seen from the 311 CRM database.
MSSQL_TRANSIENT = {
    1205,   # chosen as deadlock victim
    4060,   # cannot open database requested by the login (backup window)
    10054,  # connection forcibly closed by remote host
    10060,  # connection attempt timed out
    40613,  # database not currently available (Azure SQL, DR copy)
}
MSSQL_FATAL = {18456}  # login failed - wrong credentials, do not retry

# Oracle (PermitCentral): ORA- numbers.
ORACLE_TRANSIENT = {
    3113,   # ORA-03113 end-of-file on communication channel
    12170,  # ORA-12170 TNS connect timeout
    12541,  # ORA-12541 TNS no listener
    12571,  # ORA-12571 TNS packet writer failure
}
ORACLE_FATAL = {1017, 12154}  # ORA-01017 bad credentials, ORA-12154 cannot resolve service name

# MongoDB server error codes (SSO bridge).
MONGO_TRANSIENT = {
    6,      # HostUnreachable
    89,     # NetworkTimeout
    91,     # ShutdownInProgress
    9001,   # SocketException
    10107,  # NotMaster (replica set election)
    11600,  # InterruptedAtShutdown
    13435,  # NotMasterNoSlaveOk
}
MONGO_DUPLICATE = {11000, 11001}  # E11000 duplicate key / legacy E11001 on update


def _code_of(exc):
    """Best effort: pull the vendor error number out of a driver exception."""
    for attr in ("code", "errno", "number"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value
    if getattr(exc, "args", None) and isinstance(exc.args[0], int):
        return exc.args[0]
    return None


def retrying(transient, attempts=4, base_delay=0.5, max_delay=8.0):
    """Retry the wrapped call while the error number is in `transient`."""
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, attempts + 1):
                try:
                    return fn(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - we re-raise below
                    code = _code_of(exc)
                    if code not in transient or attempt == attempts:
                        raise
                    delay = min(max_delay, base_delay * 2 ** (attempt - 1))
                    delay += random.uniform(0, delay / 4)
                    log.warning("%s: db error %s, attempt %d/%d, sleeping %.1fs",
                                fn.__name__, code, attempt, attempts, delay)
                    time.sleep(delay)
        return wrapper
    return decorate
