#!/usr/bin/env python3
"""Watches the API gateway log for Active Directory trouble reported by Stormpath."""
import re
import sys

AD_HOST = "dc01.corp.example.com"
LDAP_PORT = 389
GC_PORT = 3268
ALERT_AFTER = 5  # hits per minute

REFERRAL_TEXT = (
    "while acting as a proxy to your Active Directory server, Stormpath ran into a "
    "referral error talking to the Active Directory server"
)
HINT = (
    "Check the DNS settings of the Active Directory server, or set the Stormpath Agent "
    "to 'Ignore Referral Issues' in the console."
)

pattern = re.compile(re.escape(REFERRAL_TEXT[:60]), re.IGNORECASE)


def main(path):
    hits = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if pattern.search(line):
                hits += 1
    if hits >= ALERT_AFTER:
        print(f"{hits} referral errors from {AD_HOST}:{LDAP_PORT}. {HINT}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "/var/log/gateway.log"))
