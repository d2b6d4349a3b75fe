"""Account-store related Stormpath failures when creating users from the HR feed."""
import logging
import time

import requests

log = logging.getLogger(__name__)

HR_FEED_URL = "http://hr-feed.internal:5000/v2/people"
BATCH_SIZE = 250
RETRIES = 4


def classify(err):
    """Return an action for a stormpath.error.Error raised by create_account()."""
    if err.status == 409 and err.code in (5100, 5101, 5114):
        return "fix-app-config"
    elif err.code == 5105:
        return "map-account-store"
    elif err.status in (502, 503, 504):
        return "retry"
    return "fail"


def pull_feed(session=None):
    session = session or requests.Session()
    for attempt in range(RETRIES):
        resp = session.get(HR_FEED_URL, params={"limit": BATCH_SIZE}, timeout=10)
        if resp.status_code == 200:
            return resp.json()["items"]
        log.warning("feed returned %s (attempt %d)", resp.status_code, attempt + 1)
        time.sleep(2 ** attempt)
    raise RuntimeError("HR feed unavailable after %d attempts" % RETRIES)
