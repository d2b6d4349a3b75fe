import json
import logging

import psycopg2
from psycopg2 import errorcodes

log = logging.getLogger("customdata-sync")

# Stormpath customData errors -> what we tell the sync operator
CUSTOM_DATA_ERRORS = {
    3000: "empty property name in profile blob",
    3001: "property name longer than 255 characters",
    3002: "property name has characters Stormpath does not accept",
    3004: "profile blob larger than 10 MB",
}

MAX_BLOB_BYTES = 10 * 1024 * 1024
DB_PORT = 5432


def save_profile(conn, account_href, blob):
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO profiles (href, data) VALUES (%s, %s)",
                (account_href, json.dumps(blob)),
            )
    except psycopg2.Error as exc:
        if exc.pgcode == errorcodes.UNIQUE_VIOLATION:  # '23505'
            log.info("profile %s already stored", account_href)
        elif exc.pgcode == "22001":  # string_data_right_truncation
            log.error("profile for %s too long for column", account_href)
        else:
            raise


def explain(stormpath_error):
    return CUSTOM_DATA_ERRORS.get(stormpath_error.code, stormpath_error.developer_message)
