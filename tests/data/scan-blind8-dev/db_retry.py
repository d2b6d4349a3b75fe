"""Retry policy for the reporting database (MySQL 8 primary, Postgres replica)."""
import time

import pymysql
import psycopg2

# MySQL client/server error numbers we retry on
ER_DUP_ENTRY = 1062
ER_LOCK_WAIT_TIMEOUT = 1205
ER_LOCK_DEADLOCK = 1213
CR_SERVER_GONE_ERROR = 2006     # "MySQL server has gone away"
CR_SERVER_LOST = 2013           # "Lost connection to MySQL server during query"
RETRY_ON = {ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK, CR_SERVER_GONE_ERROR, CR_SERVER_LOST}

# Postgres SQLSTATEs
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"

MAX_RETRIES = 4
BASE_DELAY = 0.25
MYSQL_PORT = 3306
BATCH_SIZE = 5000


def with_retry(fn, *args, **kwargs):
    for attempt in range(MAX_RETRIES):
        try:
            return fn(*args, **kwargs)
        except pymysql.err.OperationalError as e:
            errno = e.args[0]
            if errno not in RETRY_ON or attempt == MAX_RETRIES - 1:
                raise
        except psycopg2.errors.lookup(SERIALIZATION_FAILURE):
            if attempt == MAX_RETRIES - 1:
                raise
        time.sleep(BASE_DELAY * (2 ** attempt))


def upsert_rows(conn, rows):
    for start in range(0, len(rows), BATCH_SIZE):
        try:
            with_retry(conn.executemany, "INSERT INTO facts VALUES (%s, %s, %s)",
                       rows[start:start + BATCH_SIZE])
        except pymysql.err.IntegrityError as e:
            if e.args[0] != ER_DUP_ENTRY:
                raise
