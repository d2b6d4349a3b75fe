"""Login backend for the Django admin, backed by Stormpath."""
import logging
import time

from django.conf import settings
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

DB_PORT = 5432
MAX_RETRIES = 3
BACKOFF_SECONDS = 30


class StormpathBackend:
    def authenticate(self, request, username=None, password=None):
        for attempt in range(MAX_RETRIES):
            try:
                result = settings.STORMPATH_APP.authenticate_account(username, password)
                return self._user_for(result.account)
            except StormpathError as exc:
                if exc.code in (7100, 7101):
                    log.info("rejected login for %s: %s", username, exc.code)
                    return None
                elif exc.code == 7103:
                    log.warning("locked account %s", username)
                    request.session["locked"] = True
                    return None
                elif exc.status == 403:
                    raise
                time.sleep(BACKOFF_SECONDS * (attempt + 1))
        return None
