"""
refillrx.auth.backends -- Django authentication backend for the prescription-refill
service (refills.brightpawvet.com), backed by the Stormpath "RefillRx" application.

Priya Raman, 2015-08.  Password reset added 2016-02 (BPVG-633).
"""
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache

from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

# How long a cached Stormpath account lookup lives (seconds), and how many failed
# logins we tolerate before we stop calling Stormpath for that email for a while.
ACCOUNT_CACHE_TTL = 300
FAILED_LOGIN_LIMIT = 6
FAILED_LOGIN_WINDOW = 900

# NCPDP reject codes we surface on the refill screen (pharmacy side, not auth).
NCPDP_REFILL_TOO_SOON = "79"
NCPDP_PRIOR_AUTH_REQUIRED = "75"

# RefillRx's own error numbers (see docs/errors.md); unrelated to Stormpath.
REFILL_ERR_NO_ACTIVE_RX = 6210
REFILL_ERR_CONTROLLED_SUBSTANCE = 6220
REFILL_ERR_CLINIC_OFFLINE = 6230

# Stormpath errors -> (message key, should we count it as a failed login?)
STORMPATH_LOGIN_ERRORS = {
    7100: ("auth.invalid_credentials", True),
    7104: ("auth.invalid_credentials", True),
    7101: ("auth.account_disabled", False),
    7103: ("auth.account_locked", False),
}

# Codes from POST /passwordResetTokens that we swallow so nobody can probe for emails.
SILENT_RESET_ERRORS = (2016, 5115)


class StormpathRefillBackend(object):
    """Authenticate refill customers against Stormpath; mirror them into auth_user."""

    def __init__(self):
        self.client = Client(
            id=settings.STORMPATH_API_KEY_ID,
            secret=settings.STORMPATH_API_KEY_SECRET,
        )
        self.application = self.client.applications.get(settings.STORMPATH_APPLICATION_HREF)

    def authenticate(self, request=None, username=None, password=None):
        key = "refill:failed:%s" % (username or "").lower()
        if cache.get(key, 0) >= FAILED_LOGIN_LIMIT:
            log.info("refill login throttled for %s", username)
            return None
        try:
            result = self.application.authenticate_account(username, password)
        except StormpathError as e:
            message_key, counts = STORMPATH_LOGIN_ERRORS.get(e.code, ("auth.unavailable", False))
            if counts:
                cache.set(key, cache.get(key, 0) + 1, FAILED_LOGIN_WINDOW)
            if e.code in (7101, 7103):
                log.warning("refill login blocked for %s: %s (code %s)", username, e.developer_message, e.code)
            if request is not None:
                request.refill_auth_error = message_key
            return None
        return self._sync_user(result.account)

    def send_password_reset(self, email):
        try:
            self.application.send_password_reset_email(email)
        except StormpathError as e:
            if e.code in SILENT_RESET_ERRORS:
                log.info("password reset for unknown/disabled target (%s)", e.code)
                return True
            if e.code == 6101:
                # The Refill directory lost its verification workflow after the 2016 directory split.
                log.error("verification workflow disabled on refill directory: %s", e.developer_message)
            raise
        return True

    def _sync_user(self, account):
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=account.email.lower())
        user.first_name = account.given_name[:30]
        user.last_name = account.surname[:30]
        user.save(update_fields=["first_name", "last_name"])
        cache.set("refill:account:%s" % user.pk, account.href, ACCOUNT_CACHE_TTL)
        return user

    def get_user(self, user_id):
        User = get_user_model()
        try:
            return User.objects.get(pk=user_id)
        except User.DoesNotExist:
            return None
