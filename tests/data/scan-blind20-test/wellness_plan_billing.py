"""Monthly wellness-plan charges via Braintree.

billing/wellness_plan_billing.py - lisa.chen / dev.raman, 2016-01
Owner sign-in is not handled here (that is Stormpath, see auth/owner_auth.py);
this job runs as a service account and only talks to Braintree and MySQL.
"""
import logging

import braintree

log = logging.getLogger("wellness_billing")

# Braintree processor response codes we treat specially.
# Full list: Braintree "Processor Responses" reference.
SOFT_DECLINES = {
    2000: "Do Not Honor",
    2001: "Insufficient Funds",
    2002: "Limit Exceeded",
    2003: "Cardholder's Activity Limit Exceeded",
    3000: "Processor Network Unavailable - Try Again",
}
HARD_DECLINES = {
    2004: "Expired Card",
    2005: "Invalid Credit Card Number",
    2007: "No Account",
    2015: "Transaction Not Allowed",
    2024: "Card Type Not Enabled",
}

RETRY_DAYS = (3, 7)          # soft declines are retried after 3 and 7 days
APP_BANNER_CARD_EXPIRED = 2001  # Brightwater Pets app banner code (see mobile docs)


def charge(plan):
    result = braintree.Transaction.sale({
        "amount": str(plan.monthly_amount),
        "payment_method_token": plan.payment_token,
        "options": {"submit_for_settlement": True},
    })
    if result.is_success:
        return "charged"

    txn = result.transaction
    code = int(txn.processor_response_code) if txn else None
    if code in SOFT_DECLINES:
        log.info("plan %s soft decline %s %s", plan.id, code, SOFT_DECLINES[code])
        return "retry"
    if code in HARD_DECLINES:
        log.warning("plan %s hard decline %s %s", plan.id, code, HARD_DECLINES[code])
        if code == 2004:
            plan.owner.set_app_banner(APP_BANNER_CARD_EXPIRED)
        return "suspend"
    log.error("plan %s unexpected result: %s", plan.id, result.message)
    return "manual_review"
