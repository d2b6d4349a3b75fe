"""Retry helper for the reporting jobs (Postgres + MySQL replicas)."""
import time

import psycopg2
import pymysql

PG_PORT = 5432
MYSQL_PORT = 3306
STATEMENT_TIMEOUT_MS = 7200
RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}   # serialization, deadlock, lock_not_available
UNIQUE_VIOLATION = "23505"
MYSQL_LOCK_WAIT_TIMEOUT = 1205
MYSQL_SERVER_GONE = 2006
MYSQL_LOST_CONNECTION = 2013


def run_with_retry(fn, attempts=5, delay=0.25):
    for i in range(attempts):
        try:
            return fn()
        except psycopg2.Error as e:
            if e.pgcode == UNIQUE_VIOLATION:
                return None  # row already there, fine
            if e.pgcode not in RETRYABLE_SQLSTATES:
                raise
        except pymysql.err.OperationalError as e:
            code = e.args[0]
            if code not in (MYSQL_LOCK_WAIT_TIMEOUT, MYSQL_SERVER_GONE, MYSQL_LOST_CONNECTION):
                raise
        time.sleep(delay * 2 ** i)
    raise RuntimeError(f"gave up after {attempts} attempts")
