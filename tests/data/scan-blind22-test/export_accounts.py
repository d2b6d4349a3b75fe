#!/usr/bin/env python3
"""Copy shopper, driver and partner accounts from Stormpath to Okta.

migration/export_accounts.py -- Stormpath shuts down on 2017-08-17, so this has
to be done by the first week of August. Runbook: docs/migration/okta-cutover.md

Usage:
    export_accounts.py --directory shoppers --since 2014-03-01 --until 2017-07-01
    export_accounts.py --directory drivers --dry-run

Password hashes come from the Stormpath export (bcrypt, cost 10) and go to Okta
as imported hashes, so nobody has to reset a password.
"""
import argparse
import json
import logging
import sys
import time

import requests
from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger("export")

PAGE_SIZE = 100                 # Stormpath max limit per page
OKTA_RATE_LIMIT_SLEEP_S = 61    # Okta /api/v1/users: 600 req/min on our plan
OKTA_TIMEOUT_S = 15
MAX_RETRIES = 4

DIRECTORIES = {
    "shoppers": "https://api.stormpath.com/v1/directories/2SKhstu8PlaekcaEXampLE",
    "drivers": "https://api.stormpath.com/v1/directories/5Ij7Vt3kd1AXzKeXAmple",
    "partners": None,           # one directory per chain, walked via organizations
}

# Stormpath query errors: these mean the script built a bad query, so stop
# rather than silently export half a directory.
STORMPATH_QUERY_ERRORS = {
    2103: "bad createdAt/modifiedAt filter value",
    2104: "bad orderBy statement",
    2106: "orderBy on a property Stormpath cannot sort by",
    2108: "createdAt range end is before its start",
}

# Okta errorCodes we expect during import
OKTA_ALREADY_EXISTS = "E0000001"    # "Api validation failed: login" (already imported)
OKTA_RATE_LIMITED = "E0000047"


def stormpath_accounts(client, href, since, until):
    directory = client.directories.get(href)
    offset = 0
    while True:
        try:
            page = directory.accounts.search({
                "createdAt": "[%s,%s)" % (since, until),
                "orderBy": "createdAt asc",
                "limit": PAGE_SIZE,
                "offset": offset,
                "expand": "customData",
            })
            items = list(page)
        except StormpathError as e:
            if e.code in STORMPATH_QUERY_ERRORS:
                log.critical("Stormpath %s: %s (%s)", e.code, STORMPATH_QUERY_ERRORS[e.code], e.developer_message)
                sys.exit(2)
            raise
        if not items:
            return
        for account in items:
            yield account
        offset += PAGE_SIZE


def to_okta(account, hash_export):
    cd = account.custom_data
    return {
        "profile": {
            "firstName": account.given_name,
            "lastName": account.surname,
            "email": account.email,
            "login": account.email,
            "cwRole": cd.get("role", "shopper"),
            "cwHomeStore": cd.get("homeStore"),
        },
        "credentials": {
            "password": {
                "hash": {
                    "algorithm": "BCRYPT",
                    "workFactor": 10,
                    "salt": hash_export["salt"],
                    "value": hash_export["value"],
                }
            }
        },
    }


def push(session, okta_url, body, dry_run):
    if dry_run:
        return "dry-run"
    for attempt in range(1, MAX_RETRIES + 1):
        r = session.post(okta_url + "/api/v1/users?activate=true", json=body, timeout=OKTA_TIMEOUT_S)
        if r.status_code == 200:
            return "created"
        err = r.json()
        if err.get("errorCode") == OKTA_ALREADY_EXISTS and "login" in json.dumps(err.get("errorCauses", [])):
            return "exists"
        if r.status_code == 429 or err.get("errorCode") == OKTA_RATE_LIMITED:
            log.warning("Okta rate limit, sleeping %ss (attempt %d/%d)", OKTA_RATE_LIMIT_SLEEP_S, attempt, MAX_RETRIES)
            time.sleep(OKTA_RATE_LIMIT_SLEEP_S)
            continue
        log.error("Okta %s %s: %s", r.status_code, err.get("errorCode"), err.get("errorSummary"))
        return "failed"
    return "failed"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--directory", choices=sorted(DIRECTORIES), required=True)
    p.add_argument("--since", default="2014-03-01")
    p.add_argument("--until", default="2017-08-01")
    p.add_argument("--hashes", default="export/password_hashes.jsonl")
    p.add_argument("--okta", default="https://cartwheel.okta.com")
    p.add_argument("--dry-run", action="store_true")
    args = p.parse_args()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    hashes = {}
    with open(args.hashes) as fh:
        for line in fh:
            row = json.loads(line)
            hashes[row["href"]] = row

    client = Client(id=None, secret=None, api_key_file="~/.stormpath/apiKey.properties")
    session = requests.Session()
    session.headers["Authorization"] = "SSWS " + open("/run/secrets/okta_token").read().strip()

    counts = {"created": 0, "exists": 0, "failed": 0, "dry-run": 0, "no-hash": 0}
    for account in stormpath_accounts(client, DIRECTORIES[args.directory], args.since, args.until):
        h = hashes.get(account.href)
        if h is None:
            counts["no-hash"] += 1
            continue
        counts[push(session, args.okta, to_okta(account, h), args.dry_run)] += 1

    log.info("done: %s", counts)
    return 0 if counts["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
