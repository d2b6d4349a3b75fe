# -*- coding: utf-8 -*-
"""aquabill-sync: keep AquaBill water-billing customers and HarrowgateConnect
resident accounts in step.

Runs nightly at 01:30 from cron on hrg-int-02 (see runbook INT-07).
"""
from __future__ import print_function

import logging
import time

import MySQLdb
from stormpath.error import Error as StormpathError

log = logging.getLogger("aquabill_sync")

# Stormpath errors we expect when creating/updating resident accounts, keyed by
# Stormpath error code. Anything else is logged and the row is retried tomorrow.
STORMPATH_EXPECTED = {
    2001: "email already registered - link the existing account instead",
    7104: "no account with that email in the Residents directory",
    7205: "email domain is on the directory blacklist (disposable mail)",
    7206: "email domain not on the whitelist (business-accounts directory)",
}

# MySQL client errors from the AquaBill replica that are worth a retry:
# 2002 can't connect via socket, 2003 can't connect to server,
# 2006 server has gone away, 2013 lost connection during query.
# (MySQL's numbers - unrelated to the Stormpath table above.)
MYSQL_RETRYABLE = {2002, 2003, 2006, 2013, 1205, 1213}

# AquaBill's own API result codes (vendor document AQB-API-2014 rev 7).
AQB_ACCOUNT_CLOSED = 5101
AQB_METER_NOT_FOUND = 5103
AQB_IN_MAINTENANCE = 5102

BATCH_SIZE = 2000
SLEEP_BETWEEN_BATCHES = 2.0  # seconds


def create_or_link(app, customer):
    """Create the resident's HarrowgateConnect account, or link an existing one."""
    try:
        return app.accounts.create({
            "email": customer["email"],
            "given_name": customer["first_name"],
            "surname": customer["last_name"],
            "password": customer["initial_password"],
            "custom_data": {"aquabill_account": customer["account_no"]},
        })
    except StormpathError as err:
        reason = STORMPATH_EXPECTED.get(err.code)
        if reason is None:
            log.error("unexpected Stormpath error %s (%s): %s",
                      err.code, err.more_info, err.developer_message)
            raise
        log.info("account %s: %s", customer["account_no"], reason)
        if err.code == 2001:
            return link_existing(app, customer)
        return None


def fetch_customers(db, since):
    for attempt in range(1, 4):
        try:
            cur = db.cursor(MySQLdb.cursors.DictCursor)
            cur.execute(
                "SELECT account_no, email, first_name, last_name, status "
                "FROM customers WHERE modified_at >= %s AND status <> %s",
                (since, AQB_ACCOUNT_CLOSED),
            )
            return cur.fetchall()
        except MySQLdb.OperationalError as exc:
            if exc.args[0] in MYSQL_RETRYABLE and attempt < 3:
                log.warning("MySQL error %d, retry %d/3", exc.args[0], attempt)
                time.sleep(SLEEP_BETWEEN_BATCHES * attempt)
                continue
            raise


def link_existing(app, customer):
    accounts = app.accounts.search({"email": customer["email"]})
    for acct in accounts:
        acct.custom_data["aquabill_account"] = customer["account_no"]
        acct.custom_data.save()
        return acct
    return None
