# staff_portal/accounts/mfa_views.py
#
# SMS two-step sign-in for club managers on the staff portal (payroll, member
# refunds). Uses Stormpath's /factors and /challenges (MFA GA, Nov 2016).
# Before that we used Twilio Verify directly, hence the Twilio numbers below.

import logging

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from stormpath.error import Error as StormpathError

from .stormpath_client import get_application

log = logging.getLogger(__name__)

OTP_LENGTH = 6
RESEND_COOLDOWN_SECONDS = 30
MAX_PHONES_PER_MANAGER = 2

# Twilio REST error numbers we still see in the old code path (NOT Stormpath):
TWILIO_INVALID_TO_NUMBER = 21211
TWILIO_UNSUBSCRIBED = 21610
TWILIO_UNVERIFIED_TRIAL = 21608

# Stormpath MFA error codes -> message for the manager.
STORMPATH_MFA_ERRORS = {
    13101: "That phone number doesn't look right. Use the format +1 612 555 0100.",
    13102: "That phone number is already on your account.",
    13104: "That code is not correct. Check the latest text message.",
    13108: "That code has expired. We sent you a new one.",
    13113: "Too many wrong codes. Ask your regional manager to reset your sign-in.",
}

UNEXPECTED_MFA_ERRORS = (13106, 13107)   # Stormpath said "contact support"


def _account(request):
    return get_application().accounts.get(request.session["account_href"])


@require_POST
def add_phone(request):
    number = request.POST.get("phone", "").strip()
    account = _account(request)
    if len(account.factors) >= MAX_PHONES_PER_MANAGER:
        messages.error(request, "You already have %d phones set up." % MAX_PHONES_PER_MANAGER)
        return redirect("mfa-setup")
    try:
        account.factors.create({"type": "SMS", "phone": {"number": number}}, challenge=True)
    except StormpathError as e:
        messages.error(request, STORMPATH_MFA_ERRORS.get(e.code, "Could not add that phone."))
        log.info("add_phone failed for %s: %s %s", account.email, e.code, e.developer_message)
        return redirect("mfa-setup")
    return redirect("mfa-verify")


@require_POST
def verify_code(request):
    code = request.POST.get("code", "")
    if len(code) != OTP_LENGTH or not code.isdigit():
        messages.error(request, "Enter the %d-digit code." % OTP_LENGTH)
        return redirect("mfa-verify")

    challenge = get_application().challenges.get(request.session["challenge_href"])
    try:
        challenge.validate(code)
    except StormpathError as e:
        if e.code in UNEXPECTED_MFA_ERRORS:
            log.error("Stormpath MFA internal error %s for %s", e.code, request.session.get("account_href"))
            messages.error(request, "Sign-in is having trouble. Call IT on ext. 4410.")
            return redirect("login")
        if e.code == 13108:
            challenge.factor.challenge()  # issue a fresh code
        messages.error(request, STORMPATH_MFA_ERRORS.get(e.code, "Could not verify the code."))
        return redirect("mfa-verify")

    if challenge.status != "SUCCESS":
        messages.error(request, STORMPATH_MFA_ERRORS[13104])
        return redirect("mfa-verify")

    request.session["mfa_ok"] = True
    return redirect(settings.LOGIN_REDIRECT_URL)
