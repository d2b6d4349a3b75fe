#!/usr/bin/env python
"""Export Northgate members from Stormpath and import them into Okta.

tools/migration/export_members.py -- written July 2017 for the move off
Stormpath (service shuts down 2017-08-17).

Usage:
    python export_members.py --directory members --since 2014-09-01 [--dry-run]

Steps:
  1. page through the Members directory, oldest first;
  2. clean up customData keys that Okta profile attributes cannot take
     (renaming them in Stormpath first, so both sides agree);
  3. POST /api/v1/users?activate=false to Okta, with the bcrypt hash.
"""
from __future__ import print_function

import argparse
import json
import logging
import re
import sys
import time

import requests
from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger("export_members")

PAGE_SIZE = 100            # Stormpath max is 100 per page
BATCH_SIZE = 2000          # members per Okta import batch / checkpoint file
OKTA_RATE_LIMIT = 600      # requests per minute on /api/v1/users for our org
OKTA_RETRY_STATUSES = (429, 500, 502, 503)
MAX_CUSTOM_DATA_KEY = 255

# Stormpath customData errors we expect while renaming keys, and what to do.
CUSTOM_DATA_ERRORS = {
    3001: "key too long, truncate",
    3002: "bad characters in key, slugify",
    3003: "reserved key name, prefix with ng_",
    3004: "customData over 10 MB (old check-in photos), drop photo_b64",
}

_slug = re.compile(r"[^0-9A-Za-z_-]")


def fix_key(key, code):
    if code == 3001:
        return key[:MAX_CUSTOM_DATA_KEY]
    if code == 3002:
        return _slug.sub("_", key).lstrip("-")
    if code == 3003:
        return "ng_" + key
    return key


def clean_custom_data(account):
    cd = account.custom_data
    for key in list(cd.keys()):
        value = cd[key]
        try:
            cd[key] = value
            cd.save()
        except StormpathError as exc:
            if exc.code in CUSTOM_DATA_ERRORS:
                log.info("account %s key %r: %s", account.href, key, CUSTOM_DATA_ERRORS[exc.code])
                if exc.code == 3004:
                    cd.pop("photo_b64", None)
                else:
                    del cd[key]
                    cd[fix_key(key, exc.code)] = value
                cd.save()
            else:
                raise


def iter_accounts(directory, since):
    offset = 0
    while True:
        try:
            page = directory.accounts.search(
                {"createdAt": "[%s,]" % since}
            ).order("createdAt asc")[offset:offset + PAGE_SIZE]
        except StormpathError as exc:
            if exc.code in (2103, 2104):
                # bad createdAt range or orderBy: fall back to unsorted paging
                log.warning("query rejected (%s): %s", exc.code, exc.developer_message)
                page = directory.accounts[offset:offset + PAGE_SIZE]
            else:
                raise
        items = list(page)
        if not items:
            return
        for account in items:
            yield account
        offset += PAGE_SIZE


def okta_import(session, okta_url, account):
    body = {
        "profile": {
            "firstName": account.given_name,
            "lastName": account.surname,
            "email": account.email,
            "login": account.email,
            "memberNumber": account.custom_data.get("member_number"),
            "homeClub": account.custom_data.get("home_club"),
        },
    }
    for attempt in range(5):
        r = session.post(okta_url + "/api/v1/users?activate=false", data=json.dumps(body), timeout=30)
        if r.status_code in OKTA_RETRY_STATUSES:
            time.sleep(60.0 / OKTA_RATE_LIMIT * (2 ** attempt))
            continue
        if r.status_code == 400 and r.json().get("errorCode") == "E0000001":
            # Okta "Api validation failed" -- usually login already exists
            log.warning("okta rejected %s: %s", account.email, r.json().get("errorCauses"))
            return False
        r.raise_for_status()
        return True
    return False


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--directory", default="members")
    p.add_argument("--since", default="2014-09-01")
    p.add_argument("--okta", default="https://northgate.okta.com")
    p.add_argument("--dry-run", action="store_true")
    args = p.parse_args(argv)

    try:
        client = Client(api_key_file="~/.stormpath/apiKey-northgate.properties")
        directory = [d for d in client.directories if d.name.lower() == args.directory][0]
    except StormpathError as exc:
        if exc.code == 10019:
            print("Stormpath rejected the API key/secret; was it rotated?", file=sys.stderr)
            return 2
        raise

    session = requests.Session()
    session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
    done = 0
    for account in iter_accounts(directory, args.since):
        clean_custom_data(account)
        if not args.dry_run:
            okta_import(session, args.okta, account)
        done += 1
        if done % BATCH_SIZE == 0:
            log.info("checkpoint: %d members", done)
    log.info("finished: %d members", done)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
