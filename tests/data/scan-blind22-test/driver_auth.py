"""Driver app sign-in: password + SMS second factor.

driver-api/driver_api/auth.py -- Cartwheel Driver (Android 4.4+, iOS 9+).

Drivers sign in with email + password against the "Drivers" directory, then
confirm a six-digit SMS code (Stormpath MFA, enabled for drivers in 2016-10).
"""
import logging
import time

from flask import Blueprint, jsonify, request
from redis import StrictRedis
from stormpath.error import Error as StormpathError

from driver_api import app_settings
from driver_api.stormpath_client import drivers_app
from driver_api.tokens import issue_driver_session

log = logging.getLogger(__name__)
bp = Blueprint("driver_auth", __name__, url_prefix="/v1/driver")

redis = StrictRedis(host=app_settings.REDIS_HOST, port=6379, db=3, socket_timeout=2)

OTP_LENGTH = 6
OTP_RESEND_COOLDOWN_S = 30
SESSION_TTL_S = 12 * 3600          # one shift
MAX_SMS_PER_HOUR = 5
STORMPATH_TIMEOUT_S = 10

# Stormpath error code -> what the driver sees. Keep these short, they show
# on a 4.7" screen in a car park.
STORMPATH_LOGIN_ERRORS = {
    7100: "Wrong password. Try again or reset it.",
    7102: "Check your email to activate your driver account.",
    7103: "Too many tries. Your account is locked for 30 minutes.",
}

# Driver ops suspend people by disabling the Stormpath account (7101); we do
# NOT tell them that in the app, dispatch calls them.
GENERIC = "We couldn't sign you in. Call driver support on 0800 048 2210."


@bp.route("/login", methods=["POST"])
def login():
    body = request.get_json(force=True)
    started = time.monotonic()
    try:
        result = drivers_app.authenticate_account(body["email"], body["password"])
    except StormpathError as exc:
        log.info("driver login failed code=%s status=%s", exc.code, exc.status)
        msg = STORMPATH_LOGIN_ERRORS.get(exc.code, GENERIC)
        http = 423 if exc.code == 7103 else 401
        return jsonify(error=msg), http
    finally:
        log.debug("stormpath authenticate took %.0f ms", (time.monotonic() - started) * 1000)

    account = result.account
    factor = next(iter(account.factors), None)
    if factor is None:
        # onboarding not finished; phone gets added in the onboarding flow
        return jsonify(next="add_phone"), 200

    if redis.incr("sms:%s" % account.href) > MAX_SMS_PER_HOUR:
        return jsonify(error="Too many codes requested. Wait an hour."), 429
    redis.expire("sms:%s" % account.href, 3600)

    challenge = factor.create_challenge(message="Your Cartwheel Driver code is ${code}")
    return jsonify(next="otp", challenge=challenge.href, length=OTP_LENGTH), 202


@bp.route("/otp", methods=["POST"])
def verify_otp():
    body = request.get_json(force=True)
    code = str(body.get("code", "")).strip()
    if len(code) != OTP_LENGTH or not code.isdigit():
        return jsonify(error="Enter the 6-digit code from the text message."), 400

    challenge = drivers_app.challenges.get(body["challenge"])
    try:
        challenge.validate(code)
    except StormpathError as exc:
        if exc.code in (13104, 13108):
            # wrong code, or the code timed out -> let them retry / resend
            return jsonify(error="That code didn't work. Check it or tap Resend.", resend=True), 400
        if exc.code == 13113:
            log.warning("driver hit MFA failure limit: %s", challenge.account.href)
            return jsonify(error="Too many wrong codes. Sign in again."), 403
        log.exception("unexpected MFA error %s", exc.code)
        return jsonify(error=GENERIC), 502

    session = issue_driver_session(challenge.account, ttl=SESSION_TTL_S)
    return jsonify(token=session.token, expires_in=SESSION_TTL_S), 200
